//! Volume maths, pure and unit-tested: PipeWire's linear channel volumes, the
//! cubic slider people see, balance, the over-amplification limit, and
//! parsing and formatting of percentages.
//!
//! PipeWire stores a node's volume as one **linear** factor per channel
//! (`channelVolumes` in the node's `Props`; 1.0 is unchanged, 0.0 silent).
//! Sliders use the **cubic** scale pavucontrol, `wpctl` and GNOME use: the
//! slider fraction is the cube root of the linear factor (`linear =
//! slider³`), so 50 % on a slider is a factor of 0.125 (−18 dB). Master
//! volume and balance are worked out on slider values, as PulseAudio does on
//! its `pa_volume_t`.

use std::fmt;

use super::types::Channel;

/// The highest slider value with over-amplification allowed (150 %, as GNOME).
pub const AMPLIFIED_MAX: f32 = 1.5;

/// How loud a volume may be set: 100 % normally, up to 150 % when the person
/// allowed over-amplification (which can distort).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum VolumeLimit {
    /// Up to 100 % (a linear factor of 1.0).
    #[default]
    Normal,
    /// Up to 150 % on the slider (a linear factor of 3.375, +10.6 dB).
    Amplified,
}

impl VolumeLimit {
    /// The highest slider fraction allowed: 1.0 or 1.5.
    pub fn max_slider(self) -> f32 {
        match self {
            Self::Normal => 1.0,
            Self::Amplified => AMPLIFIED_MAX,
        }
    }

    /// The highest linear factor allowed: 1.0 or 3.375.
    pub fn max_linear(self) -> f32 {
        slider_to_linear(self.max_slider())
    }
}

/// The slider fraction of a linear factor (its cube root); negative or
/// non-finite input reads as 0.
pub fn linear_to_slider(linear: f32) -> f32 {
    if linear.is_finite() && linear > 0.0 {
        linear.cbrt()
    } else {
        0.0
    }
}

/// The linear factor of a slider fraction (its cube); negative or non-finite
/// input reads as 0.
pub fn slider_to_linear(slider: f32) -> f32 {
    if slider.is_finite() && slider > 0.0 {
        slider * slider * slider
    } else {
        0.0
    }
}

/// A linear factor in decibels (`None` for silence), for a detail line such as
/// "−18.1 dB".
pub fn linear_to_db(linear: f32) -> Option<f32> {
    (linear.is_finite() && linear > 0.0).then(|| 20.0 * linear.log10())
}

/// A volume PipeWire would refuse or the limit forbids.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum InvalidVolume {
    /// No channels at all.
    #[error("a volume needs at least one channel")]
    NoChannels,
    /// A different number of channels than the node has.
    #[error("the node has {expected} channels, not {given}")]
    ChannelCount {
        /// The node's channels.
        expected: usize,
        /// The channels given.
        given: usize,
    },
    /// Negative, NaN or infinite.
    #[error("{0} is not a volume")]
    NotANumber(f32),
    /// Louder than the limit allows (as a slider fraction).
    #[error("{slider} is above the limit of {limit}")]
    AboveLimit {
        /// The slider fraction asked for.
        slider: f32,
        /// The limit's slider fraction.
        limit: f32,
    },
    /// A balance outside −1.0 (left) … 1.0 (right).
    #[error("balance {0} is outside -1 … 1")]
    Balance(f32),
}

/// A node's volume: one linear factor per channel, as PipeWire stores it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ChannelVolumes {
    linear: Vec<f32>,
}

impl ChannelVolumes {
    /// Linear factors, one per channel (in the node's channel-map order).
    pub fn from_linear(linear: Vec<f32>) -> Self {
        Self { linear }
    }

    /// Every one of `channels` channels at the same slider fraction.
    pub fn uniform(channels: usize, slider: f32) -> Self {
        Self {
            linear: vec![slider_to_linear(slider); channels],
        }
    }

    /// Slider fractions, one per channel.
    pub fn from_sliders(sliders: &[f32]) -> Self {
        Self {
            linear: sliders.iter().copied().map(slider_to_linear).collect(),
        }
    }

    /// The linear factors, as PipeWire's `channelVolumes`.
    pub fn linear(&self) -> &[f32] {
        &self.linear
    }

    /// Each channel as a slider fraction.
    pub fn sliders(&self) -> Vec<f32> {
        self.linear.iter().copied().map(linear_to_slider).collect()
    }

    /// How many channels.
    pub fn len(&self) -> usize {
        self.linear.len()
    }

    /// Whether there are no channels.
    pub fn is_empty(&self) -> bool {
        self.linear.is_empty()
    }

    /// The master volume as a slider fraction: the loudest channel (as
    /// pavucontrol's and GNOME's single slider).
    pub fn master(&self) -> f32 {
        self.sliders().into_iter().fold(0.0, f32::max)
    }

    /// The same balance at another master slider fraction: every channel is
    /// scaled by the same factor on the slider scale, so the loudest channel
    /// ends at `slider`. A silent volume becomes uniform.
    pub fn with_master(&self, slider: f32) -> Self {
        let slider = if slider.is_finite() {
            slider.max(0.0)
        } else {
            0.0
        };
        let current = self.master();
        if current <= 0.0 {
            return Self::uniform(self.len(), slider);
        }
        let factor = slider / current;
        Self {
            linear: self
                .sliders()
                .into_iter()
                .map(|channel| slider_to_linear(channel * factor))
                .collect(),
        }
    }

    /// The balance from −1.0 (only left) through 0.0 (centred) to 1.0 (only
    /// right), from the average slider value of the left and of the right
    /// channels (PulseAudio's `pa_cvolume_get_balance`). 0.0 when the map has
    /// no left or no right channel (mono).
    pub fn balance(&self, map: &[Channel]) -> f32 {
        let Some((left, right)) = self.sides(map) else {
            return 0.0;
        };
        if left == right {
            0.0
        } else if left > right {
            -(1.0 - right / left)
        } else {
            1.0 - left / right
        }
    }

    /// The same loudest side with another balance: the louder side keeps the
    /// current maximum and the other is scaled down (PulseAudio's
    /// `pa_cvolume_set_balance`). Unchanged for a map without both sides.
    pub fn with_balance(&self, map: &[Channel], balance: f32) -> Result<Self, InvalidVolume> {
        if !balance.is_finite() || !(-1.0..=1.0).contains(&balance) {
            return Err(InvalidVolume::Balance(balance));
        }
        let Some((left, right)) = self.sides(map) else {
            return Ok(self.clone());
        };
        let loudest = left.max(right);
        let (new_left, new_right) = if balance <= 0.0 {
            (loudest, loudest * (1.0 + balance))
        } else {
            (loudest * (1.0 - balance), loudest)
        };
        let sliders = self.sliders();
        let linear = sliders
            .iter()
            .zip(map)
            .map(|(&slider, channel)| {
                let (old, new) = match channel.side() {
                    Side::Left => (left, new_left),
                    Side::Right => (right, new_right),
                    Side::Centre => return slider_to_linear(slider),
                };
                if old <= 0.0 {
                    slider_to_linear(new)
                } else {
                    slider_to_linear(slider * new / old)
                }
            })
            .collect();
        Ok(Self { linear })
    }

    /// Checks the volume before it is sent: a channel for each of the node's
    /// `channels`, every factor a finite non-negative number, none above
    /// `limit`.
    pub fn check(&self, channels: usize, limit: VolumeLimit) -> Result<(), InvalidVolume> {
        if self.linear.is_empty() {
            return Err(InvalidVolume::NoChannels);
        }
        if self.linear.len() != channels {
            return Err(InvalidVolume::ChannelCount {
                expected: channels,
                given: self.linear.len(),
            });
        }
        for &linear in &self.linear {
            if !linear.is_finite() || linear < 0.0 {
                return Err(InvalidVolume::NotANumber(linear));
            }
            let slider = linear_to_slider(linear);
            // A rounding allowance: 1.5³ read back through cbrt is 1.5000001.
            if slider > limit.max_slider() + 1e-4 {
                return Err(InvalidVolume::AboveLimit {
                    slider,
                    limit: limit.max_slider(),
                });
            }
        }
        Ok(())
    }

    /// The same volume with every channel brought within `limit`.
    pub fn clamped(&self, limit: VolumeLimit) -> Self {
        let max = limit.max_linear();
        Self {
            linear: self
                .linear
                .iter()
                .map(|&linear| {
                    if linear.is_finite() {
                        linear.clamp(0.0, max)
                    } else {
                        0.0
                    }
                })
                .collect(),
        }
    }

    /// Average slider value of the left and of the right channels, if the
    /// map has both.
    fn sides(&self, map: &[Channel]) -> Option<(f32, f32)> {
        let mut left = (0.0, 0u32);
        let mut right = (0.0, 0u32);
        for (slider, channel) in self.sliders().into_iter().zip(map) {
            match channel.side() {
                Side::Left => left = (left.0 + slider, left.1 + 1),
                Side::Right => right = (right.0 + slider, right.1 + 1),
                Side::Centre => {}
            }
        }
        if left.1 == 0 || right.1 == 0 {
            return None;
        }
        Some((left.0 / left.1 as f32, right.0 / right.1 as f32))
    }
}

/// Which side of the listener a channel is on, for balance.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Side {
    Left,
    Right,
    Centre,
}

/// A slider fraction as a whole percentage: 0.5 → 50.
pub fn percent(slider: f32) -> u32 {
    if slider.is_finite() && slider > 0.0 {
        // At most 1000 %: far above any limit, and no overflow.
        (slider.min(10.0) * 100.0).round() as u32
    } else {
        0
    }
}

/// A slider fraction written as a percentage, `50%` (the page localises its
/// own text; this is for logs, details and tests).
pub fn format_percent(slider: f32) -> String {
    format!("{}%", percent(slider))
}

/// Text that is not a volume percentage.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParseVolumeError {
    /// Not a number.
    #[error("not a volume: {0:?}")]
    NotANumber(String),
    /// A number below 0 %.
    #[error("a volume cannot be negative: {0:?}")]
    Negative(String),
    /// Above the limit.
    #[error("{text:?} is above {limit}%")]
    AboveLimit {
        /// What was typed.
        text: String,
        /// The limit in percent.
        limit: u32,
    },
}

/// Reads a typed percentage (`50`, `50%`, `50 %`, `12.5%`) as a slider
/// fraction, refusing values above `limit`.
pub fn parse_percent(text: &str, limit: VolumeLimit) -> Result<f32, ParseVolumeError> {
    let trimmed = text.trim();
    let number = trimmed.strip_suffix('%').unwrap_or(trimmed).trim_end();
    let value: f32 = number
        .parse()
        .map_err(|_| ParseVolumeError::NotANumber(text.to_owned()))?;
    if !value.is_finite() {
        return Err(ParseVolumeError::NotANumber(text.to_owned()));
    }
    if value < 0.0 {
        return Err(ParseVolumeError::Negative(text.to_owned()));
    }
    let slider = value / 100.0;
    if slider > limit.max_slider() + 1e-6 {
        return Err(ParseVolumeError::AboveLimit {
            text: text.to_owned(),
            limit: percent(limit.max_slider()),
        });
    }
    Ok(slider)
}

impl fmt::Display for ChannelVolumes {
    /// Each channel as a percentage: `50% 40%`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut first = true;
        for slider in self.sliders() {
            if !first {
                f.write_str(" ")?;
            }
            first = false;
            write!(f, "{}", format_percent(slider))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const STEREO: [Channel; 2] = [Channel::FrontLeft, Channel::FrontRight];

    fn close(a: f32, b: f32) -> bool {
        (a - b).abs() < 1e-4
    }

    fn all_close(a: &[f32], b: &[f32]) -> bool {
        a.len() == b.len() && a.iter().zip(b).all(|(a, b)| close(*a, *b))
    }

    #[test]
    fn sliders_are_cubic_like_wpctl() {
        // `wpctl set-volume 0.5` stores 0.125 in channelVolumes.
        assert!(close(slider_to_linear(0.5), 0.125));
        assert!(close(linear_to_slider(0.125), 0.5));
        assert!(close(linear_to_slider(1.0), 1.0));
        assert!(close(slider_to_linear(1.5), 3.375));
        for slider in [0.0, 0.1, 0.33, 0.5, 0.9, 1.0, 1.5] {
            assert!(close(linear_to_slider(slider_to_linear(slider)), slider));
        }
        assert_eq!(linear_to_slider(-1.0), 0.0);
        assert_eq!(linear_to_slider(f32::NAN), 0.0);
        assert_eq!(slider_to_linear(f32::INFINITY), 0.0);
    }

    #[test]
    fn decibels() {
        assert_eq!(linear_to_db(0.0), None);
        assert!(close(linear_to_db(1.0).unwrap_or(f32::NAN), 0.0));
        assert!(close(linear_to_db(0.125).unwrap_or(f32::NAN), -18.0618));
    }

    #[test]
    fn master_is_the_loudest_channel_and_scales_keeping_the_balance() {
        let volumes = ChannelVolumes::from_sliders(&[0.8, 0.4]);
        assert!(close(volumes.master(), 0.8));
        let halved = volumes.with_master(0.4);
        assert!(all_close(&halved.sliders(), &[0.4, 0.2]));
        assert!(close(halved.balance(&STEREO), volumes.balance(&STEREO)));
        // From silence the channels come up together.
        let silent = ChannelVolumes::from_sliders(&[0.0, 0.0]);
        assert!(all_close(&silent.with_master(0.6).sliders(), &[0.6, 0.6]));
        assert!(all_close(&volumes.with_master(-3.0).sliders(), &[0.0, 0.0]));
    }

    #[test]
    fn balance_reads_like_pulseaudio() {
        let centred = ChannelVolumes::from_sliders(&[0.7, 0.7]);
        assert_eq!(centred.balance(&STEREO), 0.0);
        let left = ChannelVolumes::from_sliders(&[0.8, 0.4]);
        assert!(close(left.balance(&STEREO), -0.5));
        let right = ChannelVolumes::from_sliders(&[0.2, 0.8]);
        assert!(close(right.balance(&STEREO), 0.75));
        let only_left = ChannelVolumes::from_sliders(&[0.5, 0.0]);
        assert!(close(only_left.balance(&STEREO), -1.0));
        // Mono has no balance.
        let mono = ChannelVolumes::from_sliders(&[0.5]);
        assert_eq!(mono.balance(&[Channel::Mono]), 0.0);
    }

    #[test]
    fn setting_the_balance_keeps_the_loudest_side() {
        let volumes = ChannelVolumes::from_sliders(&[0.6, 0.6]);
        let right = volumes.with_balance(&STEREO, 0.5).unwrap();
        assert!(all_close(&right.sliders(), &[0.3, 0.6]));
        assert!(close(right.balance(&STEREO), 0.5));
        assert!(close(right.master(), 0.6));
        let left = right.with_balance(&STEREO, -1.0).unwrap();
        assert!(all_close(&left.sliders(), &[0.6, 0.0]));
        let back = left.with_balance(&STEREO, 0.0).unwrap();
        assert!(all_close(&back.sliders(), &[0.6, 0.6]));
        assert_eq!(
            volumes.with_balance(&STEREO, 1.5),
            Err(InvalidVolume::Balance(1.5))
        );
        assert!(volumes.with_balance(&STEREO, f32::NAN).is_err());
    }

    #[test]
    fn balance_on_surround_moves_every_channel_of_a_side() {
        let map = [
            Channel::FrontLeft,
            Channel::FrontRight,
            Channel::FrontCenter,
            Channel::LowFrequency,
            Channel::RearLeft,
            Channel::RearRight,
        ];
        let volumes = ChannelVolumes::uniform(6, 0.8);
        let right = volumes.with_balance(&map, 0.25).unwrap();
        assert!(all_close(&right.sliders(), &[0.6, 0.8, 0.8, 0.8, 0.6, 0.8]));
        assert!(close(right.balance(&map), 0.25));
    }

    #[test]
    fn the_limit_is_100_or_150_percent() {
        let loud = ChannelVolumes::from_sliders(&[1.2, 1.0]);
        assert_eq!(
            loud.check(2, VolumeLimit::Normal),
            Err(InvalidVolume::AboveLimit {
                slider: loud.sliders()[0],
                limit: 1.0
            })
        );
        assert_eq!(loud.check(2, VolumeLimit::Amplified), Ok(()));
        assert_eq!(
            ChannelVolumes::uniform(2, 1.5).check(2, VolumeLimit::Amplified),
            Ok(())
        );
        assert!(
            ChannelVolumes::uniform(2, 1.6)
                .check(2, VolumeLimit::Amplified)
                .is_err()
        );
        assert_eq!(
            loud.check(1, VolumeLimit::Amplified),
            Err(InvalidVolume::ChannelCount {
                expected: 1,
                given: 2
            })
        );
        assert_eq!(
            ChannelVolumes::default().check(0, VolumeLimit::Normal),
            Err(InvalidVolume::NoChannels)
        );
        assert!(matches!(
            ChannelVolumes::from_linear(vec![f32::NAN]).check(1, VolumeLimit::Normal),
            Err(InvalidVolume::NotANumber(_))
        ));
        let clamped = loud.clamped(VolumeLimit::Normal);
        assert!(all_close(&clamped.sliders(), &[1.0, 1.0]));
        assert!(close(VolumeLimit::Amplified.max_linear(), 3.375));
    }

    #[test]
    fn percentages_parse_and_format() {
        assert_eq!(percent(0.5), 50);
        assert_eq!(percent(0.005), 1);
        assert_eq!(percent(-1.0), 0);
        assert_eq!(format_percent(1.5), "150%");
        assert_eq!(
            ChannelVolumes::from_sliders(&[0.5, 0.25]).to_string(),
            "50% 25%"
        );
        let normal = VolumeLimit::Normal;
        assert_eq!(parse_percent("50", normal), Ok(0.5));
        assert_eq!(parse_percent(" 50 % ", normal), Ok(0.5));
        assert_eq!(parse_percent("12.5%", normal), Ok(0.125));
        assert_eq!(parse_percent("100%", normal), Ok(1.0));
        assert_eq!(
            parse_percent("120%", normal),
            Err(ParseVolumeError::AboveLimit {
                text: "120%".into(),
                limit: 100
            })
        );
        assert_eq!(parse_percent("150%", VolumeLimit::Amplified), Ok(1.5));
        assert_eq!(
            parse_percent("-5", normal),
            Err(ParseVolumeError::Negative("-5".into()))
        );
        assert_eq!(
            parse_percent("loud", normal),
            Err(ParseVolumeError::NotANumber("loud".into()))
        );
        assert_eq!(
            parse_percent("NaN", normal),
            Err(ParseVolumeError::NotANumber("NaN".into()))
        );
    }
}

//! What the network allows for fwupd's metadata: whether this computer is online and
//! whether its connection is metered, from NetworkManager's `State` and `Metered`.
//!
//! The Firmware page refreshes metadata by itself only when neither forbids it. Without
//! NetworkManager both are unknown: the refresh is tried, and a failure to reach the
//! server is explained as being offline.

use crate::bus::SystemBus;
use crate::network_status::NetworkState;
use crate::proxies::network_manager::NetworkManagerProxy;

/// NetworkManager's `NMMetered`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Metered {
    /// Not known (0, or NetworkManager absent).
    Unknown,
    /// Set as metered (1).
    Yes,
    /// Set as not metered (2).
    No,
    /// Guessed metered, e.g. a phone's hotspot (3).
    GuessYes,
    /// Guessed not metered (4).
    GuessNo,
}

impl Metered {
    /// From NetworkManager's number.
    pub fn from_u32(code: u32) -> Self {
        match code {
            1 => Self::Yes,
            2 => Self::No,
            3 => Self::GuessYes,
            4 => Self::GuessNo,
            _ => Self::Unknown,
        }
    }

    /// Whether traffic may cost money (set or guessed).
    pub fn is_metered(self) -> bool {
        matches!(self, Self::Yes | Self::GuessYes)
    }
}

/// The network as far as fetching metadata is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct NetworkConditions {
    /// The primary connection's metered state.
    pub metered: Metered,
    /// Whether a network is connected (`None`: NetworkManager is not there to say).
    pub online: Option<bool>,
}

impl NetworkConditions {
    /// Nothing known (no NetworkManager).
    pub const UNKNOWN: Self = Self {
        metered: Metered::Unknown,
        online: None,
    };
}

/// Reads NetworkManager's `State` and `Metered`; anything unreadable is unknown (this only
/// decides whether to try an automatic refresh).
pub async fn network_conditions(bus: &SystemBus) -> NetworkConditions {
    let read = async {
        let connection = bus.connection().await.map_err(|f| f.to_string())?;
        let manager = NetworkManagerProxy::builder(&connection)
            .cache_properties(zbus::proxy::CacheProperties::No)
            .build()
            .await
            .map_err(|e| e.to_string())?;
        let state = NetworkState::from_code(manager.state().await.map_err(|e| e.to_string())?);
        let metered = Metered::from_u32(manager.metered().await.unwrap_or(0));
        Ok::<_, String>(NetworkConditions {
            metered,
            online: match state {
                NetworkState::Unknown => None,
                NetworkState::ConnectedSite | NetworkState::ConnectedGlobal => Some(true),
                _ => Some(false),
            },
        })
    };
    read.await.unwrap_or_else(|error| {
        tracing::debug!(%error, "NetworkManager not readable; the network is unknown");
        NetworkConditions::UNKNOWN
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metered_codes() {
        assert!(Metered::from_u32(1).is_metered());
        assert!(Metered::from_u32(3).is_metered());
        assert!(!Metered::from_u32(2).is_metered());
        assert!(!Metered::from_u32(4).is_metered());
        assert_eq!(Metered::from_u32(9), Metered::Unknown);
    }
}

## The Appearance page: light or dark, accent colour, contrast, motion and text size.

appearance-title = Appearance
    .keywords = appearance;theme;style;dark;light;night;dark mode;colour;color;accent;time of day;contrast;motion;text size

appearance-style-heading = Style
appearance-style-light = Light
    .desc = Dark text on light surfaces.
appearance-style-dark = Dark
    .desc = Light text on dark surfaces, easier on the eyes in a dim room.
appearance-style-time-of-day = Follow the time of day
    .desc = Dark from { $night }:00 to { $day }:00, light the rest of the day.

appearance-accent-heading = Accent colour
appearance-accent-default = Ferrum’s own
    .desc = The colour the theme comes with.
appearance-accent-blue = Blue
appearance-accent-teal = Teal
appearance-accent-green = Green
appearance-accent-yellow = Yellow
appearance-accent-orange = Orange
appearance-accent-red = Red
appearance-accent-pink = Pink
appearance-accent-purple = Purple
appearance-accent-custom = Custom colour
    .desc = Type a colour as #rrggbb, for example #2a7ab0.
appearance-accent-custom-apply = Use this colour
appearance-accent-custom-in-use = Your own colour { $color } is in use.
appearance-accent-custom-invalid = “{ $text }” is not a colour. Type it as # and six digits from 0–9 and a–f, for example #2a7ab0.

appearance-readability-heading = Contrast, motion and text size

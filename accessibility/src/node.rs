//! What an accessible control says about itself: role, name, value and state.

/// The kind of control, as assistive technology names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// A push button.
    Button,
    /// An on/off switch.
    Switch,
    /// A check box.
    CheckBox,
    /// One choice of several (radio button).
    RadioButton,
    /// A group of choices.
    RadioGroup,
    /// A slider with a numeric value.
    Slider,
    /// A row of a list (a sidebar entry, a network, a device).
    ListItem,
    /// A list of rows.
    List,
    /// A single-line text field.
    TextInput,
    /// A text field whose characters are hidden.
    PasswordInput,
    /// A heading.
    Heading,
    /// Static text.
    Label,
    /// A group of related controls.
    Group,
    /// A progress indicator.
    ProgressIndicator,
    /// A message that must be heard when it appears (an error, a notice, a
    /// PAM message): an assertive live region, and spoken by self-voicing.
    Alert,
}

impl Role {
    /// Whether the role takes keyboard focus.
    pub fn is_focusable(self) -> bool {
        matches!(
            self,
            Role::Button
                | Role::Switch
                | Role::CheckBox
                | Role::RadioButton
                | Role::Slider
                | Role::ListItem
                | Role::TextInput
                | Role::PasswordInput
        )
    }

    /// Whether Enter/Space activates it.
    pub fn activates(self) -> bool {
        matches!(
            self,
            Role::Button | Role::Switch | Role::CheckBox | Role::RadioButton | Role::ListItem
        )
    }
}

/// Everything assistive technology is told about a control.
#[derive(Debug, Clone, PartialEq)]
pub struct AccessibleInfo {
    /// What kind of control it is.
    pub role: Role,
    /// Its accessible name (translated), e.g. "Performance".
    pub name: String,
    /// A longer description (translated), e.g. "High performance and power usage."
    pub description: Option<String>,
    /// Its value as text (a slider's "80 %", a text field's contents unless secret).
    pub value: Option<String>,
    /// A slider's numeric value and range.
    pub numeric: Option<NumericValue>,
    /// Checked (switch, check box, radio button), if it has that state.
    pub checked: Option<bool>,
    /// Selected (list row, sidebar entry), if it has that state.
    pub selected: Option<bool>,
    /// Whether it cannot be used right now.
    pub disabled: bool,
    /// Characters typed into a secret field: only their number is ever exposed.
    pub secret_length: Option<usize>,
}

/// A numeric value with its range.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NumericValue {
    /// The value.
    pub value: f64,
    /// The smallest value.
    pub min: f64,
    /// The largest value.
    pub max: f64,
    /// The step of one key press.
    pub step: f64,
}

impl AccessibleInfo {
    /// A control with a role and a name and no state.
    pub fn new(role: Role, name: impl Into<String>) -> Self {
        Self {
            role,
            name: name.into(),
            description: None,
            value: None,
            numeric: None,
            checked: None,
            selected: None,
            disabled: false,
            secret_length: None,
        }
    }

    /// With a description.
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }

    /// With a textual value.
    pub fn value(mut self, value: impl Into<String>) -> Self {
        self.value = Some(value.into());
        self
    }

    /// With a numeric value and range.
    pub fn numeric(mut self, numeric: NumericValue) -> Self {
        self.numeric = Some(numeric);
        self
    }

    /// Checked or not.
    pub fn checked(mut self, checked: bool) -> Self {
        self.checked = Some(checked);
        self
    }

    /// Selected or not.
    pub fn selected(mut self, selected: bool) -> Self {
        self.selected = Some(selected);
        self
    }

    /// Disabled or not.
    pub fn disabled(mut self, disabled: bool) -> Self {
        self.disabled = disabled;
        self
    }

    /// A secret field holding `length` characters; its value is never exposed.
    pub fn secret(mut self, length: usize) -> Self {
        self.role = Role::PasswordInput;
        self.value = None;
        self.secret_length = Some(length);
        self
    }
}

//! The other half of `tests/tests/users_page.rs`'s polkit test: the test starts this program
//! as `nobody` (not root: polkitd lets root through without asking) inside polkitd's mount
//! namespace (where polkit's setuid helper finds the bed's administrators). It adds the
//! standard person `<name>` through AccountsService on the bed's bus and prints how it ended
//! (`UID=`, `RESULT=`, `SENTENCE=`, `PENDING=`). With `<admin uid> <password>` it first
//! registers the session's authentication agent for itself (as the settings app does) and
//! answers polkit's request with that password.
//!
//! Usage: `users-as-person <bus address> <name> [<admin uid> <password>]`

use ferrum_integration_tests::person::{print_outcome, run_as_person};
use ferrum_services::secret::Secret;
use ferrum_services::users::{self, AccountType, NewPerson};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    run_as_person("name", async |bus, name| {
        let person = NewPerson {
            real_name: format!("{name} Person"),
            name,
            account_type: AccountType::Standard,
            password: Secret::new("a long enough password".to_owned()),
        };
        let result = users::create(&bus, &person)
            .await
            .map(|_| ())
            .map_err(|error| format!("{error:?}"));
        print_outcome(result, None, &None::<()>);
        Ok(())
    })
}

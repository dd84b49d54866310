//! The user list from the real accounts-daemon on the test bed (for the
//! greeter): people are listed with their real names; system accounts are not.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use ferrum_integration_tests::next_matching;
use ferrum_services::accounts::{self, UserAccount};
use ferrum_services::{ServiceUpdate, SystemBus};
use ferrum_testbed::{Service, TestBed, fixtures};

#[tokio::test(flavor = "multi_thread")]
async fn people_are_listed_and_system_accounts_are_not() {
    let bed = TestBed::start(&[Service::Accounts]).unwrap();
    let bus = SystemBus::with_address(bed.system_bus_address());
    let mut updates = Box::pin(accounts::watch_users(bus));
    // accounts-daemon loads users lazily and announces them with UserAdded:
    // the list fills in through the live stream.
    let users: Vec<UserAccount> = match next_matching(
        &mut updates,
        "user list",
        |update| matches!(update, ServiceUpdate::Available(users) if users.len() >= 2),
    )
    .await
    .unwrap()
    {
        ServiceUpdate::Available(users) => users,
        other => panic!("expected the user list, got {other:?}"),
    };
    let shown: Vec<(&str, &str)> = users
        .iter()
        .map(|user| (user.name.as_str(), user.display_name()))
        .collect();
    for account in fixtures::ACCOUNTS.iter().filter(|a| a.uid >= 1000) {
        assert!(
            shown.contains(&(account.name, account.real_name)),
            "{} missing from {shown:?}",
            account.name
        );
        let user = users.iter().find(|u| u.name == account.name).unwrap();
        assert_eq!(user.uid, u64::from(account.uid));
    }
    assert!(
        !shown
            .iter()
            .any(|(name, _)| *name == "ferrum-daemon" || *name == "root"),
        "system accounts must not be listed: {shown:?}"
    );
    // Sorted by the name shown.
    let names: Vec<&str> = users.iter().map(UserAccount::display_name).collect();
    let mut sorted = names.clone();
    sorted.sort_by_key(|name| name.to_lowercase());
    assert_eq!(names, sorted);
}

//! Network interface names and indexes, from the kernel of this process's network namespace.
//!
//! NetworkManager names a device's interface (`IpInterface`), resolved addresses links by
//! index and has no names: the kernel translates (`SIOCGIFINDEX`, `SIOCGIFNAME`, as
//! `if_nametoindex(3)` does), so the answer is only right in NetworkManager's network
//! namespace, which the settings app shares on a real machine.

use rustix::net::netdevice;
use rustix::net::{AddressFamily, SocketFlags, SocketType};

fn socket() -> Option<rustix::fd::OwnedFd> {
    rustix::net::socket_with(
        AddressFamily::UNIX,
        SocketType::DGRAM,
        SocketFlags::CLOEXEC,
        None,
    )
    .ok()
}

/// The index of the interface `name`, if there is one.
pub(crate) fn index_of(name: &str) -> Option<i32> {
    let index = netdevice::name_to_index(socket()?, name).ok()?;
    i32::try_from(index).ok().filter(|index| *index > 0)
}

/// The name of the interface with `index`, if there is one.
pub(crate) fn name_of(index: i32) -> Option<String> {
    let index = u32::try_from(index).ok()?;
    netdevice::index_to_name(socket()?, index).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loopback_is_found_both_ways() {
        let index = index_of("lo").expect("every network namespace has lo");
        assert_eq!(name_of(index).as_deref(), Some("lo"));
        assert_eq!(index_of("ferrum-none0"), None);
        assert_eq!(name_of(-3), None);
    }
}

//! TLS for every HTTP client of the services (fwupd's downloads, IPP to printers): reqwest
//! is built with rustls and no crypto provider of its own (`rustls-no-provider`, to avoid
//! aws-lc-rs and its C build), so the process must install one before any client is built —
//! reqwest panics otherwise. [`install_crypto_provider`] installs rustls's `ring` provider
//! once; every place that builds a client calls it first.

use std::sync::Once;

/// Installs rustls's `ring` provider as the process default, once ("already installed" by
/// someone else is fine).
pub fn install_crypto_provider() {
    static INSTALLED: Once = Once::new();
    INSTALLED.call_once(|| {
        // rustls 0.23.48 deprecates ring's provider for lacking post-quantum key exchange
        // (aws-lc-rs has it); TLS 1.2/1.3 with X25519 and ECDHE stay fully verified.
        #[allow(deprecated)]
        let provider = rustls::crypto::ring::default_provider();
        let _already = provider.install_default();
    });
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_client_can_be_built_after_installing() {
        super::install_crypto_provider();
        super::install_crypto_provider();
        assert!(rustls::crypto::CryptoProvider::get_default().is_some());
        assert!(reqwest::Client::builder().build().is_ok());
    }
}

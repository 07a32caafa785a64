//! Secrets (passwords, tokens, private key passphrases) in a type that never shows them.
//!
//! A [`Secret`] prints as `***` through `Debug` and `Display`, so a secret held in a config, an
//! error or a log field cannot leak by accident; the value is read only where it is sent. Its
//! memory is overwritten with zeros when it is dropped, so a freed password does not linger in
//! the heap for a core dump or a later allocation to find.

use std::fmt;

/// A secret string. `Debug` and `Display` print `***`; [`Secret::expose`] is the only way to
/// read it.
///
/// ```
/// use kfk_client::secret::Secret;
///
/// let password = Secret::new("hunter2");
/// assert_eq!(format!("{password:?} {password}"), "*** ***");
/// assert_eq!(password.expose(), "hunter2");
/// ```
#[derive(Clone, PartialEq, Eq, Default)]
pub struct Secret(String);

impl Secret {
    /// Wraps `value`.
    pub fn new(value: impl Into<String>) -> Secret {
        Secret(value.into())
    }

    /// The secret itself, for the one place that must send or use it.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// Whether it is empty.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl Drop for Secret {
    fn drop(&mut self) {
        zeroize::Zeroize::zeroize(&mut self.0);
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("***")
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("***")
    }
}

impl From<&str> for Secret {
    fn from(value: &str) -> Secret {
        Secret::new(value)
    }
}

impl From<String> for Secret {
    fn from(value: String) -> Secret {
        Secret(value)
    }
}

//! JSON rendering of messages in the layout of the Java client's generated `JsonConverter`s
//! (camel-case field names, only the fields a version carries, tagged fields only when set,
//! bytes as base64). It exists to cross-check this crate against the Java client.

use base64::Engine as _;

/// Renders a message as the Java client's JSON converter would at `version`.
pub trait ToJson {
    /// The JSON value of `self` at `version`.
    fn to_json(&self, version: i16) -> serde_json::Value;
}

/// Binary data as Jackson renders a `BinaryNode`: standard base64 with padding.
pub fn binary(data: &[u8]) -> serde_json::Value {
    serde_json::Value::String(base64::engine::general_purpose::STANDARD.encode(data))
}

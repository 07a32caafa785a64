//! The generated module tree: where each spec's module goes, the `mod.rs` files, the `ApiKey`
//! enum and the per-API body enums.

use std::path::PathBuf;

use super::code::Code;
use super::names::{api_module, api_variant, snake};
use super::spec::{Spec, SpecKind};

pub fn module_path(spec: &Spec) -> PathBuf {
    match spec.kind {
        SpecKind::Request => PathBuf::from(api_module(&spec.name)).join("request.rs"),
        SpecKind::Response => PathBuf::from(api_module(&spec.name)).join("response.rs"),
        SpecKind::Header => PathBuf::from("header").join(format!("{}.rs", snake(&spec.name))),
        SpecKind::Data => PathBuf::from("data").join(format!("{}.rs", snake(&spec.name))),
    }
}

/// One API: its request and response specs.
struct Api<'a> {
    key: i16,
    variant: String,
    module: String,
    request: &'a Spec,
    response: &'a Spec,
}

fn apis<'a>(specs: &[&'a Spec]) -> Vec<Api<'a>> {
    let mut out: Vec<Api<'a>> = specs
        .iter()
        .filter(|s| s.kind == SpecKind::Request)
        .filter_map(|req| {
            let response = specs.iter().find(|s| s.kind == SpecKind::Response && s.api_key == req.api_key)?;
            Some(Api {
                key: req.api_key?,
                variant: api_variant(&req.name),
                module: api_module(&req.name),
                request: req,
                response,
            })
        })
        .collect();
    out.sort_by_key(|a| a.key);
    out
}

fn header(c: &mut Code, what: &str, stamp: &str) {
    c.line(format!("//! {what}"));
    c.line("//!");
    c.line(format!("//! {stamp} Do not edit: run `cargo xtask codegen`."));
    c.line("");
}

pub fn index_files(specs: &[&Spec], stamp: &str) -> Vec<(PathBuf, String)> {
    let apis = apis(specs);
    let mut files = Vec::new();

    // Per-API modules.
    for api in &apis {
        let mut c = Code::default();
        header(&mut c, &format!("The {} API (key {}).", api.variant, api.key), stamp);
        c.line("pub mod request;");
        c.line("pub mod response;");
        c.line("");
        c.line(format!("pub use request::{};", api.request.name));
        c.line(format!("pub use response::{};", api.response.name));
        files.push((PathBuf::from(&api.module).join("mod.rs"), c.finish()));
    }

    // Headers and data schemas.
    for (dir, kind, what) in [
        ("header", SpecKind::Header, "Request and response headers."),
        (
            "data",
            SpecKind::Data,
            "Data schemas carried inside other messages (group protocol payloads, principals, KRaft records).",
        ),
    ] {
        let mut c = Code::default();
        header(&mut c, what, stamp);
        let members: Vec<&&Spec> = specs.iter().filter(|s| s.kind == kind).collect();
        for s in &members {
            c.line(format!("pub mod {};", snake(&s.name)));
        }
        c.line("");
        for s in &members {
            c.line(format!("pub use {}::{};", snake(&s.name), s.name));
        }
        files.push((PathBuf::from(dir).join("mod.rs"), c.finish()));
    }

    files.push((PathBuf::from("mod.rs"), messages_mod(&apis, stamp)));
    files.push((PathBuf::from("api_key.rs"), api_key(&apis, stamp)));
    files.push((PathBuf::from("body.rs"), bodies(&apis, stamp)));
    files
}

fn messages_mod(apis: &[Api<'_>], stamp: &str) -> String {
    let mut c = Code::default();
    c.line("//! Every Kafka API message, generated from the specs Apache Kafka ships.");
    c.line("//!");
    c.line("//! Each API has a module with a `request` and a `response` submodule; the top-level request");
    c.line("//! and response types are re-exported here. Nested structs stay in their submodule, named as");
    c.line("//! in the spec. [`ApiKey`] lists the APIs; [`RequestBody`] and [`ResponseBody`] hold any one.");
    c.line("//!");
    c.line(format!("//! {stamp} Do not edit: run `cargo xtask codegen`."));
    c.line("");
    c.line("mod api_key;");
    c.line("mod body;");
    c.line("pub mod data;");
    c.line("pub mod header;");
    for api in apis {
        c.line(format!("pub mod {};", api.module));
    }
    c.line("");
    c.line("pub use api_key::ApiKey;");
    c.line("pub use body::{RequestBody, ResponseBody};");
    c.line("pub use header::{RequestHeader, ResponseHeader};");
    for api in apis {
        c.line(format!("pub use {}::{{{}, {}}};", api.module, api.request.name, api.response.name));
    }
    c.finish()
}

fn api_key(apis: &[Api<'_>], stamp: &str) -> String {
    let mut c = Code::default();
    header(&mut c, "API keys, their version ranges and header versions.", stamp);
    c.line("use crate::VersionRange;");
    c.line("");
    c.line("/// A Kafka API, by the key that names it on the wire.");
    c.line("#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]");
    c.line("#[repr(i16)]");
    c.line("pub enum ApiKey {");
    for api in apis {
        c.line(format!(
            "/// Key {}: `{}` / `{}`, versions {}.",
            api.key,
            api.request.name,
            api.response.name,
            api.request.valid.display()
        ));
        c.line(format!("{} = {},", api.variant, api.key));
    }
    c.line("}");
    c.line("");
    c.line("impl ApiKey {");
    c.line("/// Every API, in key order.");
    c.line("pub const ALL: &'static [ApiKey] = &[");
    for api in apis {
        c.line(format!("ApiKey::{},", api.variant));
    }
    c.line("];");
    c.line("");
    c.line("/// The API with key `key`, if this crate knows it.");
    c.line("pub const fn from_i16(key: i16) -> Option<ApiKey> {");
    c.line("Some(match key {");
    for api in apis {
        c.line(format!("{} => ApiKey::{},", api.key, api.variant));
    }
    c.line("_ => return None,");
    c.line("})");
    c.line("}");
    c.line("");
    c.line("/// The key as sent on the wire.");
    c.line("pub const fn key(self) -> i16 {");
    c.line("self as i16");
    c.line("}");
    c.line("");
    c.line("/// The API's name (`Produce`).");
    c.line("pub const fn name(self) -> &'static str {");
    c.line("match self {");
    for api in apis {
        c.line(format!("ApiKey::{0} => \"{0}\",", api.variant));
    }
    c.line("}");
    c.line("}");
    c.line("");
    c.line("/// The versions this crate implements for the API.");
    c.line("pub const fn versions(self) -> VersionRange {");
    c.line("match self {");
    for api in apis {
        let (lo, hi) = api.request.valid.0.expect("live APIs have versions");
        c.line(format!("ApiKey::{} => VersionRange {{ min: {lo}, max: {hi} }},", api.variant));
    }
    c.line("}");
    c.line("}");
    c.line("");
    c.line("/// Whether the newest version is still unstable in Apache Kafka (brokers only advertise it when");
    c.line("/// configured to).");
    c.line("pub const fn latest_version_unstable(self) -> bool {");
    let unstable: Vec<String> =
        apis.iter().filter(|a| a.request.latest_unstable).map(|a| format!("ApiKey::{}", a.variant)).collect();
    if unstable.is_empty() {
        c.line("false");
    } else {
        c.line(format!("matches!(self, {})", unstable.join(" | ")));
    }
    c.line("}");
    c.line("");
    c.line("/// The first flexible version of the request, if any.");
    c.line("pub const fn flexible_since(self) -> Option<i16> {");
    c.line("match self {");
    for api in apis {
        match api.request.flexible.intersect(api.request.valid).0 {
            Some((f, _)) => c.line(format!("ApiKey::{} => Some({f}),", api.variant)),
            None => c.line(format!("ApiKey::{} => None,", api.variant)),
        }
    }
    c.line("}");
    c.line("}");
    c.line("");
    c.line("/// The request header version for a request of this API at `version`: 2 for flexible");
    c.line("/// versions, 1 otherwise.");
    c.line("pub const fn request_header_version(self, version: i16) -> i16 {");
    c.line("match self.flexible_since() {");
    c.line("Some(f) if version >= f => 2,");
    c.line("_ => 1,");
    c.line("}");
    c.line("}");
    c.line("");
    c.line("/// The response header version for a response of this API at `version`: 1 for flexible");
    c.line("/// versions, 0 otherwise, and always 0 for ApiVersions (so a client can read the answer of a");
    c.line("/// broker that does not support the version it asked for).");
    c.line("pub const fn response_header_version(self, version: i16) -> i16 {");
    c.line("if matches!(self, ApiKey::ApiVersions) {");
    c.line("return 0;");
    c.line("}");
    c.line("match self.response_flexible_since() {");
    c.line("Some(f) if version >= f => 1,");
    c.line("_ => 0,");
    c.line("}");
    c.line("}");
    c.line("");
    c.line("const fn response_flexible_since(self) -> Option<i16> {");
    c.line("match self {");
    for api in apis {
        match api.response.flexible.intersect(api.response.valid).0 {
            Some((f, _)) => c.line(format!("ApiKey::{} => Some({f}),", api.variant)),
            None => c.line(format!("ApiKey::{} => None,", api.variant)),
        }
    }
    c.line("}");
    c.line("}");
    c.line("}");
    c.line("");
    c.line("impl TryFrom<i16> for ApiKey {");
    c.line("type Error = crate::DecodeErrorKind;");
    c.line("");
    c.line("fn try_from(key: i16) -> Result<Self, Self::Error> {");
    c.line("ApiKey::from_i16(key).ok_or(crate::DecodeErrorKind::UnknownApiKey(key))");
    c.line("}");
    c.line("}");
    c.finish()
}

fn bodies(apis: &[Api<'_>], stamp: &str) -> String {
    let mut c = Code::default();
    header(&mut c, "Request and response bodies of any API, decoded by API key.", stamp);
    c.line("use super::ApiKey;");
    c.line("use crate::{Decode, Encode};");
    c.line("");
    for (enum_name, kind, what) in [("RequestBody", "request", "A request"), ("ResponseBody", "response", "A response")]
    {
        let ty = |a: &Api<'_>| if kind == "request" { a.request.name.clone() } else { a.response.name.clone() };
        c.line(format!("/// {what} body of any API."));
        c.line("#[derive(Debug, Clone, PartialEq)]");
        c.line(format!("pub enum {enum_name} {{"));
        for api in apis {
            c.line(format!("/// {}.", ty(api)));
            c.line(format!("{}(super::{}),", api.variant, ty(api)));
        }
        c.line("}");
        c.line("");
        c.line(format!("impl {enum_name} {{"));
        c.line("/// The API this body belongs to.");
        c.line("pub fn api_key(&self) -> ApiKey {");
        c.line("match self {");
        for api in apis {
            c.line(format!("Self::{0}(_) => ApiKey::{0},", api.variant));
        }
        c.line("}");
        c.line("}");
        c.line("");
        c.line(format!("/// Decodes the {kind} body of `api_key` at `version`."));
        c.line("pub fn decode(api_key: ApiKey, buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {");
        c.line("Ok(match api_key {");
        for api in apis {
            c.line(format!("ApiKey::{0} => Self::{0}(super::{1}::decode(buf, version)?),", api.variant, ty(api)));
        }
        c.line("})");
        c.line("}");
        c.line("");
        c.line("/// Encodes the body at `version`.");
        c.line("pub fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {");
        c.line("match self {");
        for api in apis {
            c.line(format!("Self::{}(m) => m.encode(buf, version),", api.variant));
        }
        c.line("}");
        c.line("}");
        c.line("");
        c.line("/// The encoded size of the body at `version`.");
        c.line("pub fn encoded_len(&self, version: i16) -> usize {");
        c.line("match self {");
        for api in apis {
            c.line(format!("Self::{}(m) => m.encoded_len(version),", api.variant));
        }
        c.line("}");
        c.line("}");
        c.line("");
        c.line("/// The body in the Java client's JSON layout.");
        c.line("#[cfg(feature = \"json\")]");
        c.line("pub fn to_json(&self, version: i16) -> serde_json::Value {");
        c.line("use crate::json::ToJson;");
        c.line("match self {");
        for api in apis {
            c.line(format!("Self::{}(m) => m.to_json(version),", api.variant));
        }
        c.line("}");
        c.line("}");
        c.line("");
        c.line(format!("/// A random {kind} body of `api_key`, valid at `version`."));
        c.line("#[cfg(feature = \"random\")]");
        c.line("pub fn random(api_key: ApiKey, rng: &mut crate::random::Rng, version: i16) -> Self {");
        c.line("use crate::random::Random;");
        c.line("match api_key {");
        for api in apis {
            c.line(format!("ApiKey::{0} => Self::{0}(super::{1}::random(rng, version)),", api.variant, ty(api)));
        }
        c.line("}");
        c.line("}");
        c.line("}");
        c.line("");
        for api in apis {
            c.line(format!("impl From<super::{}> for {enum_name} {{", ty(api)));
            c.line(format!("fn from(m: super::{}) -> Self {{", ty(api)));
            c.line(format!("Self::{}(m)", api.variant));
            c.line("}");
            c.line("}");
            c.line("");
        }
    }
    c.finish()
}

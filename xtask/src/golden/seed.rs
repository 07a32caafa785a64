//! Seed values for the Java side of the golden cross-check: for a spec and a version, a JSON
//! document in the Java JSON converters' layout with a value for every field the version carries.
//! Java reads it with its own converter (which rejects a missing field), so the bytes Java then
//! writes come from Java's view of the schema, not ours.

use serde_json::{json, Map, Value};

use crate::codegen::spec::{Field, Prim, Spec, Type};

/// Which values a seed holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Variant {
    /// Every field set to a non-default, non-null value; arrays hold two elements.
    Full,
    /// Nullable fields null, arrays empty, the rest non-default.
    Nulls,
}

impl Variant {
    pub fn name(self) -> &'static str {
        match self {
            Variant::Full => "full",
            Variant::Nulls => "nulls",
        }
    }
}

struct Seeder<'a> {
    spec: &'a Spec,
    version: i16,
    variant: Variant,
    state: u64,
}

/// The seed document for `spec` at `version`.
pub fn seed(spec: &Spec, version: i16, variant: Variant) -> Value {
    let mut s = Seeder {
        spec,
        version,
        variant,
        state: 0x5eed ^ (version as u64) << 32 ^ spec.name.len() as u64 ^ (variant as u64) << 48,
    };
    s.object(&spec.structs[0].fields)
}

impl Seeder<'_> {
    fn next(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9e3779b97f4a7c15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58476d1ce4e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d049bb133111eb);
        z ^ (z >> 31)
    }

    fn present(&self, f: &Field) -> bool {
        let in_range = if f.tag.is_some() {
            f.tagged.contains(self.version) && f.versions.contains(self.version)
        } else {
            f.versions.contains(self.version)
        };
        in_range && self.spec.valid.contains(self.version)
    }

    fn object(&mut self, fields: &[Field]) -> Value {
        let mut map = Map::new();
        for f in fields {
            if !self.present(f) {
                continue;
            }
            let nullable = f.nullable.contains(self.version);
            let value = if self.variant == Variant::Nulls && nullable { Value::Null } else { self.value(f, &f.ty) };
            map.insert(crate::codegen::names::camel(&f.name), value);
        }
        Value::Object(map)
    }

    fn value(&mut self, f: &Field, ty: &Type) -> Value {
        match ty {
            Type::Prim(p) => self.prim(f, *p),
            Type::Struct(name) => {
                let s = self.spec.find_struct(name).expect("the parser checked struct references");
                let fields = s.fields.clone();
                self.object(&fields)
            }
            Type::Array(elem) => {
                let n = if self.variant == Variant::Full { 2 } else { 0 };
                Value::Array((0..n).map(|_| self.value(f, elem)).collect())
            }
        }
    }

    fn prim(&mut self, f: &Field, p: Prim) -> Value {
        let default: Option<i128> = f.default.as_deref().and_then(parse_int);
        let mut int = |bits: u32, signed: bool| -> Value {
            loop {
                let raw = self.next();
                let v: i128 = if signed {
                    let shift = 64 - bits;
                    ((raw << shift) as i64 >> shift) as i128
                } else {
                    (raw >> (64 - bits)) as i128
                };
                if v != default.unwrap_or(0) && v != 0 {
                    return json!(v as i64);
                }
            }
        };
        match p {
            Prim::Bool => Value::Bool(f.default.as_deref() != Some("true")),
            Prim::Int8 => int(8, true),
            Prim::Int16 => int(16, true),
            Prim::Int32 => int(32, true),
            Prim::Int64 => int(64, true),
            Prim::Uint16 => int(16, false),
            Prim::Uint32 => int(32, false),
            Prim::Float64 => json!((self.next() % 100_000) as f64 / 4.0 + 0.25),
            Prim::Uuid => {
                let mut bytes = [0u8; 16];
                for chunk in bytes.chunks_mut(8) {
                    chunk.copy_from_slice(&self.next().to_be_bytes());
                }
                bytes[15] |= 1;
                Value::String(base64url(&bytes))
            }
            Prim::String => {
                let n = 1 + self.next() % 10;
                Value::String((0..n).map(|_| (b'a' + (self.next() % 26) as u8) as char).collect())
            }
            Prim::Bytes | Prim::Records => {
                let n = 1 + self.next() % 12;
                let data: Vec<u8> = (0..n).map(|_| self.next() as u8).collect();
                Value::String(base64std(&data))
            }
        }
    }
}

fn parse_int(text: &str) -> Option<i128> {
    let t = text.trim();
    match t.strip_prefix("0x") {
        Some(hex) => i128::from_str_radix(hex, 16).ok(),
        None => t.parse().ok(),
    }
}

fn base64std(data: &[u8]) -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::STANDARD.encode(data)
}

fn base64url(data: &[u8]) -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(data)
}

//! The model of Kafka's message specs (`common/message/*.json`) and its parser.

use std::collections::BTreeMap;

use anyhow::{anyhow, bail, Context, Result};
use serde_json::Value;

/// An inclusive version range; `None` means "no versions".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Versions(pub Option<(i16, i16)>);

impl Versions {
    pub const NONE: Versions = Versions(None);

    pub fn parse(s: &str) -> Result<Versions> {
        let s = s.trim();
        if s == "none" {
            return Ok(Versions::NONE);
        }
        if let Some(lo) = s.strip_suffix('+') {
            return Ok(Versions(Some((lo.parse()?, i16::MAX))));
        }
        if let Some((lo, hi)) = s.split_once('-') {
            return Ok(Versions(Some((lo.parse()?, hi.parse()?))));
        }
        let v: i16 = s.parse().with_context(|| format!("bad version range `{s}`"))?;
        Ok(Versions(Some((v, v))))
    }

    pub fn contains(&self, v: i16) -> bool {
        matches!(self.0, Some((lo, hi)) if v >= lo && v <= hi)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_none()
    }

    /// The intersection with another range.
    pub fn intersect(&self, other: Versions) -> Versions {
        match (self.0, other.0) {
            (Some((a, b)), Some((c, d))) if a.max(c) <= b.min(d) => Versions(Some((a.max(c), b.min(d)))),
            _ => Versions::NONE,
        }
    }

    /// The range as the spec writes it (`3+`, `0-2`, `none`).
    pub fn display(&self) -> String {
        match self.0 {
            None => "none".into(),
            Some((lo, i16::MAX)) => format!("{lo}+"),
            Some((lo, hi)) if lo == hi => format!("{lo}"),
            Some((lo, hi)) => format!("{lo}-{hi}"),
        }
    }
}

/// What a spec file describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpecKind {
    Request,
    Response,
    Header,
    Data,
}

/// A primitive field type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Prim {
    Bool,
    Int8,
    Int16,
    Int32,
    Int64,
    Uint16,
    Uint32,
    Float64,
    Uuid,
    String,
    Bytes,
    Records,
}

impl Prim {
    fn parse(s: &str) -> Option<Prim> {
        Some(match s {
            "bool" => Prim::Bool,
            "int8" => Prim::Int8,
            "int16" => Prim::Int16,
            "int32" => Prim::Int32,
            "int64" => Prim::Int64,
            "uint16" => Prim::Uint16,
            "uint32" => Prim::Uint32,
            "float64" => Prim::Float64,
            "uuid" => Prim::Uuid,
            "string" => Prim::String,
            "bytes" => Prim::Bytes,
            "records" => Prim::Records,
            _ => return None,
        })
    }
}

/// A field's type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Type {
    Prim(Prim),
    Struct(String),
    Array(Box<Type>),
}

impl Type {
    pub fn spec_name(&self) -> String {
        match self {
            Type::Prim(p) => format!("{p:?}").to_lowercase(),
            Type::Struct(s) => s.clone(),
            Type::Array(t) => format!("[]{}", t.spec_name()),
        }
    }
}

/// One field of a struct.
#[derive(Debug, Clone)]
pub struct Field {
    pub name: String,
    pub ty: Type,
    pub versions: Versions,
    pub nullable: Versions,
    pub tagged: Versions,
    pub tag: Option<u32>,
    pub default: Option<String>,
    pub ignorable: bool,
    pub map_key: bool,
    pub entity_type: Option<String>,
    /// A field-level override of the message's flexible versions (only `RequestHeader.ClientId`).
    pub flexible_override: Option<Versions>,
}

/// A struct: the message itself, an inline struct, or a common struct.
#[derive(Debug, Clone)]
pub struct Struct {
    pub name: String,
    pub versions: Versions,
    pub fields: Vec<Field>,
}

/// One spec file.
#[derive(Debug, Clone)]
pub struct Spec {
    pub file: String,
    pub name: String,
    pub kind: SpecKind,
    pub api_key: Option<i16>,
    pub valid: Versions,
    pub flexible: Versions,
    pub latest_unstable: bool,
    pub listeners: Vec<String>,
    /// The top-level struct first, then every nested and common struct, each once.
    pub structs: Vec<Struct>,
}

impl Spec {
    pub fn find_struct(&self, name: &str) -> Option<&Struct> {
        self.structs.iter().find(|s| s.name == name)
    }

    /// Every valid version, lowest first.
    pub fn versions(&self) -> Vec<i16> {
        match self.valid.0 {
            Some((lo, hi)) => (lo..=hi).collect(),
            None => Vec::new(),
        }
    }
}

/// Removes `//` comments (outside string literals) so the text is plain JSON.
pub fn strip_comments(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    let mut in_string = false;
    while let Some(c) = chars.next() {
        if in_string {
            out.push(c);
            if c == '\\' {
                if let Some(n) = chars.next() {
                    out.push(n);
                }
            } else if c == '"' {
                in_string = false;
            }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if c == '/' && chars.peek() == Some(&'/') {
            for n in chars.by_ref() {
                if n == '\n' {
                    out.push('\n');
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

pub fn parse(file: &str, text: &str) -> Result<Spec> {
    let json: Value = serde_json::from_str(&strip_comments(text)).with_context(|| format!("parsing {file}"))?;
    let name = str_field(&json, "name")?.to_string();
    let kind = match str_field(&json, "type")? {
        "request" => SpecKind::Request,
        "response" => SpecKind::Response,
        "header" => SpecKind::Header,
        "data" => SpecKind::Data,
        other => bail!("{file}: unknown spec type `{other}`"),
    };
    let valid = Versions::parse(str_field(&json, "validVersions")?)?;
    let flexible = Versions::parse(json.get("flexibleVersions").and_then(Value::as_str).unwrap_or("none"))?;
    let mut structs = BTreeMap::new();
    let mut order = Vec::new();
    let mut common = Vec::new();
    if let Some(list) = json.get("commonStructs").and_then(Value::as_array) {
        for cs in list {
            common.push((str_field(cs, "name")?.to_string(), cs.clone()));
        }
    }
    let root_fields = parse_fields(file, json.get("fields"), &mut structs, &mut order)?;
    for (cs_name, cs) in &common {
        let versions = Versions::parse(cs.get("versions").and_then(Value::as_str).unwrap_or("0+"))?;
        let fields = parse_fields(file, cs.get("fields"), &mut structs, &mut order)?;
        insert_struct(file, &mut structs, &mut order, Struct { name: cs_name.clone(), versions, fields })?;
    }
    let mut all = vec![Struct { name: name.clone(), versions: valid, fields: root_fields }];
    for n in order {
        all.push(structs.remove(&n).expect("every ordered struct was inserted"));
    }
    let spec = Spec {
        file: file.to_string(),
        name,
        kind,
        api_key: json.get("apiKey").and_then(Value::as_i64).map(|k| k as i16),
        valid,
        flexible,
        latest_unstable: json.get("latestVersionUnstable").and_then(Value::as_bool).unwrap_or(false),
        listeners: json
            .get("listeners")
            .and_then(Value::as_array)
            .map(|l| l.iter().filter_map(|v| v.as_str().map(String::from)).collect())
            .unwrap_or_default(),
        structs: all,
    };
    for s in &spec.structs {
        for f in &s.fields {
            if let Type::Struct(n) = elem(&f.ty) {
                if spec.find_struct(n).is_none() {
                    bail!("{file}: field {} refers to unknown struct {n}", f.name);
                }
            }
        }
    }
    Ok(spec)
}

/// The element type of an array, or the type itself.
pub fn elem(ty: &Type) -> &Type {
    match ty {
        Type::Array(t) => t,
        t => t,
    }
}

fn insert_struct(file: &str, structs: &mut BTreeMap<String, Struct>, order: &mut Vec<String>, s: Struct) -> Result<()> {
    if structs.contains_key(&s.name) {
        bail!("{file}: struct {} defined twice", s.name);
    }
    order.push(s.name.clone());
    structs.insert(s.name.clone(), s);
    Ok(())
}

fn parse_fields(
    file: &str,
    fields: Option<&Value>,
    structs: &mut BTreeMap<String, Struct>,
    order: &mut Vec<String>,
) -> Result<Vec<Field>> {
    let Some(fields) = fields.and_then(Value::as_array) else {
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    for f in fields {
        let name = str_field(f, "name")?.to_string();
        let type_text = str_field(f, "type")?;
        let versions = Versions::parse(str_field(f, "versions").with_context(|| format!("{file}: {name}"))?)?;
        let (is_array, base) = match type_text.strip_prefix("[]") {
            Some(b) => (true, b),
            None => (false, type_text),
        };
        let base_ty = match Prim::parse(base) {
            Some(p) => Type::Prim(p),
            None => {
                if f.get("fields").is_some() {
                    let nested = parse_fields(file, f.get("fields"), structs, order)?;
                    insert_struct(file, structs, order, Struct { name: base.to_string(), versions, fields: nested })?;
                }
                Type::Struct(base.to_string())
            }
        };
        let ty = if is_array { Type::Array(Box::new(base_ty)) } else { base_ty };
        let opt_versions = |key: &str| -> Result<Versions> {
            match f.get(key).and_then(Value::as_str) {
                Some(s) => Versions::parse(s),
                None => Ok(Versions::NONE),
            }
        };
        let tag = f.get("tag").and_then(Value::as_u64).map(|t| t as u32);
        let tagged = opt_versions("taggedVersions")?;
        if tag.is_some() == tagged.is_empty() {
            bail!("{file}: field {name} has a tag without tagged versions or the reverse");
        }
        let default = match f.get("default") {
            None => None,
            Some(Value::String(s)) => Some(s.clone()),
            Some(Value::Bool(b)) => Some(b.to_string()),
            Some(Value::Number(n)) => Some(n.to_string()),
            Some(other) => return Err(anyhow!("{file}: field {name}: unsupported default {other}")),
        };
        out.push(Field {
            name,
            ty,
            versions,
            nullable: opt_versions("nullableVersions")?,
            tagged,
            tag,
            default,
            ignorable: f.get("ignorable").and_then(Value::as_bool).unwrap_or(false),
            map_key: f.get("mapKey").and_then(Value::as_bool).unwrap_or(false),
            entity_type: f.get("entityType").and_then(Value::as_str).map(String::from),
            flexible_override: match f.get("flexibleVersions").and_then(Value::as_str) {
                Some(s) => Some(Versions::parse(s)?),
                None => None,
            },
        });
    }
    Ok(out)
}

fn str_field<'a>(v: &'a Value, key: &str) -> Result<&'a str> {
    v.get(key).and_then(Value::as_str).ok_or_else(|| anyhow!("missing string `{key}`"))
}

//! Rust source for one spec file: a struct per schema struct, with `Encode`, `Decode`, `Default`
//! and (behind the `json` feature) `ToJson`.

use super::code::Code;
use super::names::{camel, field_ident};
use super::spec::{Field, Prim, Spec, SpecKind, Struct, Type, Versions};

/// Emits the module for one spec.
pub fn spec_module(spec: &Spec, stamp: &str) -> String {
    let mut c = Code::default();
    c.line(format!("//! `{}` ({}).", spec.name, describe_spec(spec)));
    c.line("//!");
    c.line(format!("//! {stamp}"));
    c.line(format!("//! Source: `common/message/{}`. Do not edit: run `cargo xtask codegen`.", spec.file));
    c.line("");
    let gen = Gen { spec };
    let mut body = Code::default();
    for (i, s) in spec.structs.iter().enumerate() {
        gen.emit_struct(&mut body, s, i == 0);
    }
    let body = body.finish();
    if body.contains(".ctx(") {
        c.line("use crate::primitives::{self as p, Ctx as _};");
    } else {
        c.line("use crate::primitives as p;");
    }
    c.line("");
    c.finish() + &body
}

fn describe_spec(spec: &Spec) -> String {
    let mut parts = Vec::new();
    match spec.kind {
        SpecKind::Request => parts.push(format!("request, API key {}", spec.api_key.unwrap_or(-1))),
        SpecKind::Response => parts.push(format!("response, API key {}", spec.api_key.unwrap_or(-1))),
        SpecKind::Header => parts.push("header".into()),
        SpecKind::Data => parts.push("data schema".into()),
    }
    parts.push(format!("versions {}", spec.valid.display()));
    parts.push(format!("flexible {}", spec.flexible.display()));
    if spec.latest_unstable {
        parts.push("latest version unstable".into());
    }
    if !spec.listeners.is_empty() {
        parts.push(format!("listeners: {}", spec.listeners.join(", ")));
    }
    parts.join("; ")
}

struct Gen<'a> {
    spec: &'a Spec,
}

/// How a field is held in Rust.
struct FieldInfo<'a> {
    f: &'a Field,
    ident: String,
    /// Present (as a regular field or as a tagged field) in some valid version.
    present: Versions,
    /// Nullable in some version: the Rust type is an `Option`.
    optional: bool,
}

impl<'a> Gen<'a> {
    /// A condition on `version` for a range, relative to the message's valid versions; `None`
    /// when it always holds.
    fn cond(&self, v: Versions) -> Option<String> {
        let valid = self.spec.valid;
        let v = v.intersect(valid);
        let (Some((lo, hi)), Some((vlo, vhi))) = (v.0, valid.0) else {
            return Some("false".into());
        };
        match (lo > vlo, hi < vhi) {
            (false, false) => None,
            (true, false) => Some(format!("version >= {lo}")),
            (false, true) => Some(format!("version <= {hi}")),
            (true, true) if lo == hi => Some(format!("version == {lo}")),
            (true, true) => Some(format!("({lo}..={hi}).contains(&version)")),
        }
    }

    fn cond_expr(&self, v: Versions) -> String {
        self.cond(v).unwrap_or_else(|| "true".into())
    }

    /// The expression for "this field uses compact encodings".
    fn compact(&self, f: &Field) -> String {
        match f.flexible_override {
            Some(v) => self.cond_expr(v),
            None => self.flexible_expr(),
        }
    }

    fn flexible_expr(&self) -> String {
        if self.spec.flexible.intersect(self.spec.valid).is_empty() {
            "false".into()
        } else {
            self.cond_expr(self.spec.flexible)
        }
    }

    fn infos<'s>(&self, s: &'s Struct) -> Vec<FieldInfo<'s>> {
        s.fields
            .iter()
            .filter(|f| !f.versions.intersect(self.spec.valid).is_empty())
            .map(|f| FieldInfo {
                f,
                ident: field_ident(&f.name),
                present: if f.tag.is_some() { f.tagged.intersect(f.versions) } else { f.versions },
                optional: !f.nullable.is_empty(),
            })
            .collect()
    }

    fn emit_struct(&self, c: &mut Code, s: &Struct, top: bool) {
        let infos = self.infos(s);
        let name = &s.name;
        // Declaration.
        if top {
            c.line(format!("/// `{}`: {}.", name, describe_spec(self.spec)));
        } else {
            c.line(format!("/// `{}`, versions {}.", name, s.versions.display()));
        }
        c.line("#[derive(Debug, Clone, PartialEq)]");
        c.line(format!("pub struct {name} {{"));
        for fi in &infos {
            c.line(format!("/// {}", field_doc(fi.f)));
            c.line(format!("pub {}: {},", fi.ident, rust_type(&fi.f.ty, fi.optional)));
        }
        c.line("/// Tagged fields this schema does not define, kept so the message re-encodes identically.");
        c.line("pub unknown_tagged_fields: Vec<p::RawTaggedField>,");
        c.line("}");
        c.line("");
        // Default.
        c.line(format!("impl Default for {name} {{"));
        c.line("fn default() -> Self {");
        c.line("Self {");
        for fi in &infos {
            c.line(format!("{}: {},", fi.ident, default_expr(fi.f, fi.optional)));
        }
        c.line("unknown_tagged_fields: Vec::new(),");
        c.line("}");
        c.line("}");
        c.line("}");
        c.line("");
        self.emit_inherent(c, s, &infos);
        self.emit_traits(c, s, top);
        self.emit_json(c, s, &infos);
        self.emit_random(c, s, &infos);
    }

    fn emit_random(&self, c: &mut Code, s: &Struct, infos: &[FieldInfo<'_>]) {
        let flexible = self.flexible_expr();
        c.line("#[cfg(feature = \"random\")]");
        c.line(format!("impl crate::random::Random for {} {{", s.name));
        let mut body = Code::at_depth(c.depth());
        let b = &mut body;
        b.line("fn random(rng: &mut crate::random::Rng, version: i16) -> Self {");
        let needs_mut = !infos.is_empty() || flexible != "false";
        b.line(format!("let {}this = Self::default();", if needs_mut { "mut " } else { "" }));
        for fi in infos {
            let inner = random_expr(&fi.f.ty);
            let value = if fi.optional {
                match self.cond(fi.f.nullable.intersect(fi.present)) {
                    None => format!("rng.option(|rng| {inner})"),
                    Some(n) => format!("if {n} {{ rng.option(|rng| {inner}) }} else {{ Some({inner}) }}"),
                }
            } else {
                inner
            };
            match self.cond(fi.present) {
                None => b.line(format!("this.{} = {value};", fi.ident)),
                Some(cond) => {
                    b.line(format!("if {cond} {{"));
                    b.line(format!("this.{} = {value};", fi.ident));
                    b.line("}");
                }
            }
        }
        match flexible.as_str() {
            "false" => {}
            "true" => b.line("this.unknown_tagged_fields = rng.raw_tagged_fields();"),
            cond => {
                b.line(format!("if {cond} {{"));
                b.line("this.unknown_tagged_fields = rng.raw_tagged_fields();");
                b.line("}");
            }
        }
        b.line("this");
        b.line("}");
        let text = body.finish();
        let text =
            if text.contains("rng.") || text.contains("(rng") { text } else { text.replacen("rng:", "_rng:", 1) };
        let mut piece = Code::at_depth(c.depth());
        piece.lines_raw(&text);
        c.append_fn(piece);
        c.line("}");
        c.line("");
    }

    fn emit_inherent(&self, c: &mut Code, s: &Struct, infos: &[FieldInfo<'_>]) {
        let flexible = self.flexible_expr();
        let regular: Vec<&FieldInfo<'_>> = infos.iter().filter(|fi| fi.f.tag.is_none()).collect();
        let mut tagged: Vec<&FieldInfo<'_>> = infos.iter().filter(|fi| fi.f.tag.is_some()).collect();
        tagged.sort_by_key(|fi| fi.f.tag);
        let v = "version";

        c.line(format!("impl {} {{", s.name));
        let outer = c;
        // ---- encode
        let mut piece = Code::at_depth(outer.depth());
        let c = &mut piece;
        c.line(format!(
            "fn encode_fields(&self, buf: &mut bytes::BytesMut, {v}: i16) -> Result<(), crate::EncodeError> {{"
        ));
        for fi in &regular {
            self.emit_field_write(c, fi);
        }
        for fi in &tagged {
            if !fi.f.ignorable {
                // A tagged field outside its tagged versions cannot be carried.
                if let Some(cond) = self.cond(fi.present) {
                    c.line(format!("if !({cond}) && {} {{", non_default(fi.f, fi.optional, &fi.ident)));
                    c.line(format!(
                        "return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at(\"{}\"));",
                        fi.ident
                    ));
                    c.line("}");
                }
            }
        }
        if flexible != "false" {
            let open = flexible != "true";
            if open {
                c.line(format!("if {flexible} {{"));
            } else {
                c.line("{");
            }
            c.line(format!(
                "let {}count = self.unknown_tagged_fields.len();",
                if tagged.is_empty() { "" } else { "mut " }
            ));
            for fi in &tagged {
                c.line(format!(
                    "let tagged_{} = {}{};",
                    strip_raw(&fi.ident),
                    self.cond(fi.present).map(|c| format!("({c}) && ")).unwrap_or_default(),
                    non_default(fi.f, fi.optional, &fi.ident)
                ));
                c.line(format!("count += tagged_{} as usize;", strip_raw(&fi.ident)));
            }
            c.line("p::write_unsigned_varint(buf, count as u32);");
            if tagged.is_empty() {
                c.line("p::write_raw_tagged_until(buf, &self.unknown_tagged_fields, &mut 0, u64::MAX);");
            } else {
                c.line("let mut raw = 0;");
                for fi in &tagged {
                    let tag = fi.f.tag.expect("tagged fields have a tag");
                    c.line(format!("if tagged_{} {{", strip_raw(&fi.ident)));
                    c.line(format!("p::write_raw_tagged_until(buf, &self.unknown_tagged_fields, &mut raw, {tag});"));
                    c.line(format!("p::write_unsigned_varint(buf, {tag});"));
                    c.line(format!("p::write_unsigned_varint(buf, ({}) as u32);", self.value_len(fi, "true")));
                    self.emit_value_write(c, fi, "true");
                    c.line("}");
                }
                c.line("p::write_raw_tagged_until(buf, &self.unknown_tagged_fields, &mut raw, u64::MAX);");
            }
            c.line("}");
            if open {
                c.line("else if !self.unknown_tagged_fields.is_empty() {");
                c.line("return Err(crate::EncodeErrorKind::TaggedFieldsNotSupported.into());");
                c.line("}");
            }
        } else {
            c.line("if !self.unknown_tagged_fields.is_empty() {");
            c.line("return Err(crate::EncodeErrorKind::TaggedFieldsNotSupported.into());");
            c.line("}");
        }
        c.line("Ok(())");
        c.line("}");
        c.line("");
        outer.append_fn(c.take());

        // ---- length
        c.line(format!("fn fields_len(&self, {v}: i16) -> usize {{"));
        let len_mut = if regular.is_empty() && flexible == "false" { "" } else { "mut " };
        c.line(format!("let {len_mut}len = 0;"));
        for fi in &regular {
            let compact = self.compact(fi.f);
            let expr = self.value_len(fi, &compact);
            match self.cond(fi.present) {
                None => c.line(format!("len += {expr};")),
                Some(cond) => {
                    c.line(format!("if {cond} {{"));
                    c.line(format!("len += {expr};"));
                    c.line("}");
                }
            }
        }
        if flexible != "false" {
            if flexible != "true" {
                c.line(format!("if {flexible} {{"));
            } else {
                c.line("{");
            }
            let mutability = if tagged.is_empty() { "" } else { "mut " };
            c.line(format!("let {mutability}count = self.unknown_tagged_fields.len();"));
            c.line("len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);");
            for fi in &tagged {
                let tag = fi.f.tag.expect("tagged fields have a tag");
                c.line(format!(
                    "if {}{} {{",
                    self.cond(fi.present).map(|c| format!("({c}) && ")).unwrap_or_default(),
                    non_default(fi.f, fi.optional, &fi.ident)
                ));
                c.line("count += 1;");
                c.line(format!("len += p::tagged_field_len({tag}, {});", self.value_len(fi, "true")));
                c.line("}");
            }
            c.line("len += p::unsigned_varint_len(count as u32);");
            c.line("}");
        }
        c.line("len");
        c.line("}");
        c.line("");
        outer.append_fn(c.take());

        // ---- decode
        c.line(format!("fn decode_fields(buf: &mut bytes::Bytes, {v}: i16) -> Result<Self, crate::DecodeError> {{"));
        let needs_mut = !regular.is_empty() || flexible != "false";
        c.line(format!("let {}this = Self::default();", if needs_mut { "mut " } else { "" }));
        for fi in &regular {
            let compact = self.compact(fi.f);
            let read = self.value_read(fi, &compact);
            match self.cond(fi.present) {
                None => c.line(format!("this.{} = {read};", fi.ident)),
                Some(cond) => {
                    c.line(format!("if {cond} {{"));
                    c.line(format!("this.{} = {read};", fi.ident));
                    c.line("}");
                }
            }
        }
        if flexible != "false" {
            if flexible != "true" {
                c.line(format!("if {flexible} {{"));
            } else {
                c.line("{");
            }
            if tagged.is_empty() {
                c.line("this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;");
            } else {
                c.line("let unknown = p::read_tagged_fields(buf, |tag, buf| {");
                c.line("match tag {");
                for fi in &tagged {
                    let tag = fi.f.tag.expect("tagged fields have a tag");
                    let guard = self.cond(fi.present).map(|c| format!(" if {c}")).unwrap_or_default();
                    c.line(format!("{tag}{guard} => {{"));
                    c.line(format!("this.{} = {};", fi.ident, self.value_read(fi, "true")));
                    c.line("Ok(true)");
                    c.line("}");
                }
                c.line("_ => Ok(false),");
                c.line("}");
                c.line("})?;");
                c.line("this.unknown_tagged_fields = unknown;");
            }
            c.line("}");
        }
        c.line("Ok(this)");
        c.line("}");
        outer.append_fn(c.take());
        outer.line("}");
        outer.line("");
    }

    /// Writes a regular (untagged) field, or rejects a value its version cannot carry.
    fn emit_field_write(&self, c: &mut Code, fi: &FieldInfo<'_>) {
        let compact = self.compact(fi.f);
        match self.cond(fi.present) {
            None => self.emit_value_write(c, fi, &compact),
            Some(cond) => {
                c.line(format!("if {cond} {{"));
                self.emit_value_write(c, fi, &compact);
                if fi.f.ignorable {
                    c.line("}");
                } else {
                    c.line(format!("}} else if {} {{", non_default(fi.f, fi.optional, &fi.ident)));
                    c.line(format!(
                        "return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at(\"{}\"));",
                        fi.ident
                    ));
                    c.line("}");
                }
            }
        }
    }

    /// Statements writing `self.<field>` (present in this version).
    fn emit_value_write(&self, c: &mut Code, fi: &FieldInfo<'_>, compact: &str) {
        let id = &fi.ident;
        let name = strip_raw(id);
        if !fi.optional {
            for l in write_stmts(&fi.f.ty, &format!("self.{id}"), compact, name) {
                c.line(l);
            }
            return;
        }
        let nullable = self.cond(fi.f.nullable.intersect(fi.present));
        let is_struct = matches!(fi.f.ty, Type::Struct(_));
        c.line(format!("match &self.{id} {{"));
        c.line("Some(v) => {");
        if is_struct {
            match &nullable {
                None => c.line("p::write_i8(buf, 1);"),
                Some(n) => {
                    c.line(format!("if {n} {{"));
                    c.line("p::write_i8(buf, 1);");
                    c.line("}");
                }
            }
        }
        for l in write_stmts(&fi.f.ty, "(*v)", compact, name) {
            c.line(l);
        }
        c.line("}");
        let null = null_write(&fi.f.ty, compact, name);
        match &nullable {
            None => {
                c.line("None => {");
                c.line(null);
                c.line("}");
            }
            Some(n) => {
                c.line(format!("None if {n} => {{"));
                c.line(null);
                c.line("}");
                c.line(format!(
                    "None => return Err(crate::EncodeError::from(crate::EncodeErrorKind::NullNotAllowed).at(\"{name}\")),"
                ));
            }
        }
        c.line("}");
    }

    /// An expression for the encoded size of `self.<field>`.
    fn value_len(&self, fi: &FieldInfo<'_>, compact: &str) -> String {
        let id = &fi.ident;
        if !fi.optional {
            return len_expr(&fi.f.ty, &format!("self.{id}"), compact);
        }
        let nullable = self.cond(fi.f.nullable.intersect(fi.present));
        let marker = match (&fi.f.ty, &nullable) {
            (Type::Struct(_), None) => "1 + ".to_string(),
            (Type::Struct(_), Some(n)) => format!("usize::from({n}) + "),
            _ => String::new(),
        };
        let null_len = match &fi.f.ty {
            Type::Struct(_) => "0".to_string(),
            Type::Prim(Prim::String) | Type::Prim(Prim::Bytes) | Type::Prim(Prim::Records) | Type::Array(_) => {
                format!(
                    "if {compact} {{ 1 }} else {{ {} }}",
                    if matches!(fi.f.ty, Type::Prim(Prim::String)) { 2 } else { 4 }
                )
            }
            other => unreachable!("type {other:?} cannot be nullable"),
        };
        format!("{marker}match &self.{id} {{ Some(v) => {}, None => {null_len} }}", len_expr(&fi.f.ty, "(*v)", compact))
    }

    /// An expression reading the field's value (with `?`).
    fn value_read(&self, fi: &FieldInfo<'_>, compact: &str) -> String {
        let name = strip_raw(&fi.ident);
        if !fi.optional {
            return read_expr(&fi.f.ty, compact, name);
        }
        let nullable = self.cond(fi.f.nullable.intersect(fi.present));
        let nullable_read = match &fi.f.ty {
            Type::Prim(Prim::String) => format!("p::read_nullable_string(buf, {compact}).ctx(\"{name}\")?"),
            Type::Prim(Prim::Bytes) | Type::Prim(Prim::Records) => {
                format!("p::read_nullable_bytes(buf, {compact}).ctx(\"{name}\")?")
            }
            Type::Array(elem) => format!(
                "p::read_array(buf, {compact}, |buf| {}).ctx(\"{name}\")?",
                elem_read(elem, compact)
            ),
            Type::Struct(s) => format!(
                "if p::read_i8(buf).ctx(\"{name}\")? < 0 {{ None }} else {{ Some({s}::decode_fields(buf, version).ctx(\"{name}\")?) }}"
            ),
            other => unreachable!("type {other:?} cannot be nullable"),
        };
        match nullable {
            None => nullable_read,
            Some(n) => format!("if {n} {{ {nullable_read} }} else {{ Some({}) }}", read_expr(&fi.f.ty, compact, name)),
        }
    }

    fn emit_traits(&self, c: &mut Code, s: &Struct, top: bool) {
        let name = &s.name;
        c.line(format!("impl crate::Encode for {name} {{"));
        c.line("fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {");
        if top {
            c.line("if !<Self as crate::Message>::VERSIONS.contains(version) {");
            c.line(format!(
                "return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message(\"{name}\", version));"
            ));
            c.line("}");
            c.line(format!("self.encode_fields(buf, version).map_err(|e| e.in_message(\"{name}\", version))"));
        } else {
            c.line("self.encode_fields(buf, version)");
        }
        c.line("}");
        c.line("");
        c.line("fn encoded_len(&self, version: i16) -> usize {");
        c.line("self.fields_len(version)");
        c.line("}");
        c.line("}");
        c.line("");
        c.line(format!("impl crate::Decode for {name} {{"));
        c.line("fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {");
        if top {
            c.line("if !<Self as crate::Message>::VERSIONS.contains(version) {");
            c.line(format!(
                "return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message(\"{name}\", version));"
            ));
            c.line("}");
            c.line(format!("Self::decode_fields(buf, version).map_err(|e| e.in_message(\"{name}\", version))"));
        } else {
            c.line("Self::decode_fields(buf, version)");
        }
        c.line("}");
        c.line("}");
        c.line("");
        if top {
            let (lo, hi) = self.spec.valid.0.expect("only specs with versions are emitted");
            let flex = match self.spec.flexible.intersect(self.spec.valid).0 {
                Some((f, _)) => format!("Some({f})"),
                None => "None".into(),
            };
            c.line(format!("impl crate::Message for {name} {{"));
            c.line(format!("const NAME: &'static str = \"{name}\";"));
            c.line(format!("const VERSIONS: crate::VersionRange = crate::VersionRange {{ min: {lo}, max: {hi} }};"));
            c.line(format!("const FLEXIBLE_SINCE: Option<i16> = {flex};"));
            // A response's top-level error (what a request span records); fields named
            // `ErrorCode` deeper down belong to one item (a partition, a topic), not the call.
            let top_error = s.fields.iter().find(|f| f.name == "ErrorCode" && f.ty == Type::Prim(Prim::Int16));
            if let (SpecKind::Response, Some(f)) = (self.spec.kind, top_error) {
                c.line("");
                c.line("fn top_level_error(&self) -> Option<crate::ErrorCode> {");
                c.line(format!("Some(crate::ErrorCode(self.{}))", field_ident(&f.name)));
                c.line("}");
            }
            c.line("}");
            c.line("");
            if self.spec.kind == SpecKind::Request {
                let variant = super::names::api_variant(&self.spec.name);
                let response = format!("{variant}Response");
                c.line(format!("impl crate::Request for {name} {{"));
                c.line(format!("const API_KEY: crate::messages::ApiKey = crate::messages::ApiKey::{variant};"));
                c.line(format!("type Response = super::{response};"));
                c.line("}");
                c.line("");
            }
        }
    }

    fn emit_json(&self, c: &mut Code, s: &Struct, infos: &[FieldInfo<'_>]) {
        c.line("#[cfg(feature = \"json\")]");
        c.line(format!("impl crate::json::ToJson for {} {{", s.name));
        let uses_version = infos.iter().any(|fi| self.cond(fi.present).is_some() || has_struct(&fi.f.ty));
        let v = if uses_version { "version" } else { "_version" };
        c.line(format!("fn to_json(&self, {v}: i16) -> serde_json::Value {{"));
        let m = if infos.is_empty() { "" } else { "mut " };
        c.line(format!("let {m}map = serde_json::Map::new();"));
        for fi in infos {
            let key = camel(&fi.f.name);
            let value = if fi.optional {
                format!(
                    "match &self.{} {{ Some(v) => {}, None => serde_json::Value::Null }}",
                    fi.ident,
                    json_expr(&fi.f.ty, "(*v)")
                )
            } else {
                json_expr(&fi.f.ty, &format!("self.{}", fi.ident))
            };
            let mut cond: Vec<String> = self.cond(fi.present).into_iter().collect();
            if fi.f.tag.is_some() {
                cond.push(non_default(fi.f, fi.optional, &fi.ident));
            }
            // Record sets render as their size (Java's converters without record serialization).
            let insert = if fi.f.ty == Type::Prim(Prim::Records) {
                let size = format!("map.insert(\"{key}SizeInBytes\".into(), serde_json::Value::from(v.len()))");
                if fi.optional {
                    format!("match &self.{} {{ Some(v) => {size}, None => map.insert(\"{key}\".into(), serde_json::Value::Null) }};", fi.ident)
                } else {
                    format!("{{ let v = &self.{}; {size}; }}", fi.ident)
                }
            } else {
                format!("map.insert(\"{key}\".into(), {value});")
            };
            if cond.is_empty() {
                c.line(insert);
            } else {
                c.line(format!("if {} {{", cond.join(" && ")));
                c.line(insert);
                c.line("}");
            }
        }
        c.line("serde_json::Value::Object(map)");
        c.line("}");
        c.line("}");
        c.line("");
    }
}

fn has_struct(ty: &Type) -> bool {
    matches!(super::spec::elem(ty), Type::Struct(_))
}

/// An expression that holds when `self.<ident>` differs from the field's default.
fn non_default(f: &Field, optional: bool, ident: &str) -> String {
    let default = default_expr(f, optional);
    match (&f.ty, optional, default.as_str()) {
        (_, true, "None") => format!("self.{ident}.is_some()"),
        (Type::Array(_), true, _) => format!("self.{ident}.as_ref().is_none_or(|v| !v.is_empty())"),
        (Type::Array(_), false, _) => format!("!self.{ident}.is_empty()"),
        (Type::Prim(Prim::String | Prim::Bytes | Prim::Records), false, "String::new()" | "bytes::Bytes::new()") => {
            format!("!self.{ident}.is_empty()")
        }
        (Type::Prim(Prim::String | Prim::Bytes), true, "Some(String::new())" | "Some(bytes::Bytes::new())") => {
            format!("self.{ident}.as_ref().is_none_or(|v| !v.is_empty())")
        }
        _ => format!("self.{ident} != {default}"),
    }
}

/// `(*v)` as a plain argument: `*v`.
fn arg(place: &str) -> String {
    match place.strip_prefix('(').and_then(|p| p.strip_suffix(')')) {
        Some(inner) => inner.to_string(),
        None => place.to_string(),
    }
}

/// A reference to `place`: `(*v)` -> `v`, `self.x` -> `&self.x`.
fn addr(place: &str) -> String {
    match place.strip_prefix("(*").and_then(|p| p.strip_suffix(')')) {
        Some(inner) => inner.to_string(),
        None => format!("&{place}"),
    }
}

fn strip_raw(ident: &str) -> &str {
    ident.strip_prefix("r#").unwrap_or(ident)
}

fn field_doc(f: &Field) -> String {
    let mut parts = vec![format!("`{}`: {}", f.name, f.ty.spec_name()), format!("versions {}", f.versions.display())];
    if !f.nullable.is_empty() {
        parts.push(format!("nullable {}", f.nullable.display()));
    }
    if let Some(tag) = f.tag {
        parts.push(format!("tag {tag} in versions {}", f.tagged.display()));
    }
    if let Some(d) = &f.default {
        parts.push(format!("default {d}"));
    }
    if let Some(e) = &f.entity_type {
        parts.push(format!("entity type {e}"));
    }
    if f.map_key {
        parts.push("map key".into());
    }
    if f.ignorable {
        parts.push("ignorable".into());
    }
    if let Some(v) = f.flexible_override {
        parts.push(format!("flexible {}", v.display()));
    }
    parts.join("; ") + "."
}

fn prim_type(p: Prim) -> &'static str {
    match p {
        Prim::Bool => "bool",
        Prim::Int8 => "i8",
        Prim::Int16 => "i16",
        Prim::Int32 => "i32",
        Prim::Int64 => "i64",
        Prim::Uint16 => "u16",
        Prim::Uint32 => "u32",
        Prim::Float64 => "f64",
        Prim::Uuid => "crate::Uuid",
        Prim::String => "String",
        Prim::Bytes | Prim::Records => "bytes::Bytes",
    }
}

fn base_type(ty: &Type) -> String {
    match ty {
        Type::Prim(p) => prim_type(*p).to_string(),
        Type::Struct(s) => s.clone(),
        Type::Array(t) => format!("Vec<{}>", base_type(t)),
    }
}

pub fn rust_type(ty: &Type, optional: bool) -> String {
    if optional {
        format!("Option<{}>", base_type(ty))
    } else {
        base_type(ty)
    }
}

/// The default of a field, as Java's generated code has it.
pub fn default_expr(f: &Field, optional: bool) -> String {
    if optional && f.default.as_deref() == Some("null") {
        return "None".into();
    }
    let base = match &f.ty {
        Type::Prim(p) => match (p, f.default.as_deref()) {
            (Prim::Bool, Some(d)) => d.to_string(),
            (Prim::Bool, None) => "false".into(),
            (Prim::Float64, Some(d)) => format!("{:?}", d.parse::<f64>().expect("float default")),
            (Prim::Float64, None) => "0.0".into(),
            (Prim::Int8 | Prim::Int16 | Prim::Int32 | Prim::Int64 | Prim::Uint16 | Prim::Uint32, d) => {
                int_default(d.unwrap_or("0"), prim_type(*p))
            }
            (Prim::Uuid, _) => "crate::Uuid::ZERO".into(),
            (Prim::String, Some(d)) if !d.is_empty() => format!("String::from({d:?})"),
            (Prim::String, _) => "String::new()".into(),
            (Prim::Records, _) if optional => return "None".into(),
            (Prim::Bytes | Prim::Records, _) => "bytes::Bytes::new()".into(),
        },
        Type::Struct(s) => format!("{s}::default()"),
        Type::Array(_) => "Vec::new()".into(),
    };
    if optional {
        format!("Some({base})")
    } else {
        base
    }
}

fn int_default(text: &str, ty: &str) -> String {
    let text = text.trim();
    let value: i128 = if let Some(hex) = text.strip_prefix("0x").or_else(|| text.strip_prefix("0X")) {
        i128::from_str_radix(hex, 16).expect("hex default")
    } else {
        text.parse().expect("integer default")
    };
    match ty {
        "i64" if value == i64::MAX as i128 => "i64::MAX".into(),
        "i64" if value == i64::MIN as i128 => "i64::MIN".into(),
        "i32" if value == i32::MAX as i128 => "i32::MAX".into(),
        "i32" if value == i32::MIN as i128 => "i32::MIN".into(),
        _ => value.to_string(),
    }
}

/// Statements writing a non-null value at `place` (an expression of the field's base type).
fn write_stmts(ty: &Type, place: &str, compact: &str, name: &str) -> Vec<String> {
    match ty {
        Type::Prim(p) => vec![prim_write(*p, place, compact, name)],
        Type::Struct(_) => vec![format!("{place}.encode_fields(buf, version).ctx(\"{name}\")?;")],
        Type::Array(elem) => {
            let mut out = vec![
                format!("p::write_array_len(buf, Some({place}.len()), {compact}).ctx(\"{name}\")?;"),
                format!("for e in {} {{", addr(place)),
            ];
            out.extend(write_stmts(elem, "(*e)", compact, name));
            out.push("}".into());
            out
        }
    }
}

fn prim_write(p: Prim, place: &str, compact: &str, name: &str) -> String {
    match p {
        Prim::Bool => format!("p::write_bool(buf, {});", arg(place)),
        Prim::Int8 => format!("p::write_i8(buf, {});", arg(place)),
        Prim::Int16 => format!("p::write_i16(buf, {});", arg(place)),
        Prim::Int32 => format!("p::write_i32(buf, {});", arg(place)),
        Prim::Int64 => format!("p::write_i64(buf, {});", arg(place)),
        Prim::Uint16 => format!("p::write_u16(buf, {});", arg(place)),
        Prim::Uint32 => format!("p::write_u32(buf, {});", arg(place)),
        Prim::Float64 => format!("p::write_f64(buf, {});", arg(place)),
        Prim::Uuid => format!("p::write_uuid(buf, {});", addr(place)),
        Prim::String => format!("p::write_string(buf, {}, {compact}).ctx(\"{name}\")?;", addr(place)),
        Prim::Bytes | Prim::Records => format!("p::write_bytes(buf, {}, {compact}).ctx(\"{name}\")?;", addr(place)),
    }
}

fn null_write(ty: &Type, compact: &str, name: &str) -> String {
    match ty {
        Type::Prim(Prim::String) => format!("p::write_nullable_string(buf, None, {compact}).ctx(\"{name}\")?;"),
        Type::Prim(Prim::Bytes) | Type::Prim(Prim::Records) => {
            format!("p::write_nullable_bytes(buf, None, {compact}).ctx(\"{name}\")?;")
        }
        Type::Array(_) => format!("p::write_array_len(buf, None, {compact}).ctx(\"{name}\")?;"),
        Type::Struct(_) => "p::write_i8(buf, -1);".into(),
        other => unreachable!("type {other:?} cannot be null"),
    }
}

/// The encoded size of a non-null value at `place`.
fn len_expr(ty: &Type, place: &str, compact: &str) -> String {
    match ty {
        Type::Prim(p) => match fixed_len(*p) {
            Some(n) => n.to_string(),
            None => match p {
                Prim::String => format!("p::string_len({}, {compact})", addr(place)),
                _ => format!("p::bytes_len({}, {compact})", addr(place)),
            },
        },
        Type::Struct(_) => format!("{place}.fields_len(version)"),
        Type::Array(elem) => {
            let items = match &**elem {
                Type::Prim(p) if fixed_len(*p).is_some() => {
                    format!("{place}.len() * {}", fixed_len(*p).expect("checked"))
                }
                e => format!("{place}.iter().map(|e| {}).sum::<usize>()", len_expr(e, "(*e)", compact)),
            };
            format!("p::array_len_len(Some({place}.len()), {compact}) + {items}")
        }
    }
}

fn fixed_len(p: Prim) -> Option<usize> {
    match p {
        Prim::Bool | Prim::Int8 => Some(1),
        Prim::Int16 | Prim::Uint16 => Some(2),
        Prim::Int32 | Prim::Uint32 => Some(4),
        Prim::Int64 | Prim::Float64 => Some(8),
        Prim::Uuid => Some(16),
        _ => None,
    }
}

/// An expression reading a non-null value (with `?`), for a field named `name`.
fn read_expr(ty: &Type, compact: &str, name: &str) -> String {
    match ty {
        Type::Prim(p) => format!("{}.ctx(\"{name}\")?", prim_read(*p, compact)),
        Type::Struct(s) => format!("{s}::decode_fields(buf, version).ctx(\"{name}\")?"),
        Type::Array(elem) => format!(
            "p::read_array(buf, {compact}, |buf| {}).ctx(\"{name}\")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx(\"{name}\")?",
            elem_read(elem, compact)
        ),
    }
}

/// A closure body reading one array element, returning `Result<T, DecodeError>`.
fn elem_read(elem: &Type, compact: &str) -> String {
    match elem {
        Type::Prim(p) => format!("{}.map_err(crate::DecodeError::from)", prim_read(*p, compact)),
        Type::Struct(s) => format!("{s}::decode_fields(buf, version)"),
        Type::Array(_) => unreachable!("the spec has no arrays of arrays"),
    }
}

fn prim_read(p: Prim, compact: &str) -> String {
    match p {
        Prim::Bool => "p::read_bool(buf)".into(),
        Prim::Int8 => "p::read_i8(buf)".into(),
        Prim::Int16 => "p::read_i16(buf)".into(),
        Prim::Int32 => "p::read_i32(buf)".into(),
        Prim::Int64 => "p::read_i64(buf)".into(),
        Prim::Uint16 => "p::read_u16(buf)".into(),
        Prim::Uint32 => "p::read_u32(buf)".into(),
        Prim::Float64 => "p::read_f64(buf)".into(),
        Prim::Uuid => "p::read_uuid(buf)".into(),
        Prim::String => format!("p::read_string(buf, {compact})"),
        Prim::Bytes | Prim::Records => format!("p::read_bytes(buf, {compact})"),
    }
}

/// The JSON value of a non-null value at `place`, as Java's JSON converter writes it.
fn json_expr(ty: &Type, place: &str) -> String {
    match ty {
        Type::Prim(p) => match p {
            Prim::Uuid => format!("serde_json::Value::from({place}.to_base64())"),
            Prim::String => format!("serde_json::Value::from({place}.as_str())"),
            Prim::Bytes | Prim::Records => format!("crate::json::binary({})", addr(place)),
            _ => format!("serde_json::Value::from({})", arg(place)),
        },
        Type::Struct(_) => format!("crate::json::ToJson::to_json({}, version)", addr(place)),
        Type::Array(elem) => {
            format!("serde_json::Value::Array({place}.iter().map(|e| {}).collect())", json_expr(elem, "(*e)"))
        }
    }
}

/// An expression producing a random non-null value of `ty` (with `rng` and `version` in scope).
fn random_expr(ty: &Type) -> String {
    match ty {
        Type::Prim(p) => match p {
            Prim::Bool => "rng.bool()".into(),
            Prim::Int8 => "rng.next_u64() as i8".into(),
            Prim::Int16 => "rng.next_u64() as i16".into(),
            Prim::Int32 => "rng.next_u64() as i32".into(),
            Prim::Int64 => "rng.next_u64() as i64".into(),
            Prim::Uint16 => "rng.next_u64() as u16".into(),
            Prim::Uint32 => "rng.next_u64() as u32".into(),
            Prim::Float64 => "rng.f64()".into(),
            Prim::Uuid => "rng.uuid()".into(),
            Prim::String => "rng.string()".into(),
            Prim::Bytes | Prim::Records => "rng.bytes()".into(),
        },
        Type::Struct(s) => format!("<{s} as crate::random::Random>::random(rng, version)"),
        Type::Array(elem) => format!("rng.vec(|rng| {})", random_expr(elem)),
    }
}

//! Naming: spec names to Rust identifiers and module names.

/// `TransactionalId` -> `transactional_id`, `KRaftVersion` -> `k_raft_version`.
pub fn snake(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let mut out = String::with_capacity(name.len() + 4);
    for (i, &c) in chars.iter().enumerate() {
        if c.is_ascii_uppercase() {
            let prev = i.checked_sub(1).map(|j| chars[j]);
            let next = chars.get(i + 1);
            let boundary = match prev {
                None => false,
                Some(p) if p.is_ascii_lowercase() || p.is_ascii_digit() => true,
                Some(p) if p.is_ascii_uppercase() => next.is_some_and(|n| n.is_ascii_lowercase()),
                _ => false,
            };
            if boundary {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// A Rust field identifier for a spec field name (keywords become raw identifiers).
pub fn field_ident(name: &str) -> String {
    let s = snake(name);
    match s.as_str() {
        "type" | "match" | "mod" | "ref" | "use" | "where" | "fn" | "loop" | "move" | "impl" | "trait" | "struct"
        | "enum" | "async" | "await" | "dyn" | "box" | "final" | "override" | "priv" | "abstract" | "macro"
        | "static" | "const" | "extern" | "in" | "for" | "if" | "else" | "while" | "return" | "break" | "continue"
        | "let" | "mut" | "pub" | "unsafe" | "virtual" | "yield" | "try" | "gen" => {
            format!("r#{s}")
        }
        _ => s,
    }
}

/// The name Java's JSON converter uses for a field: the spec name with its first letter lowered.
pub fn camel(name: &str) -> String {
    let mut c = name.chars();
    match c.next() {
        Some(f) => f.to_lowercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// The API's module name: `ProduceRequest` -> `produce`.
pub fn api_module(spec_name: &str) -> String {
    let base = spec_name.strip_suffix("Request").or_else(|| spec_name.strip_suffix("Response")).unwrap_or(spec_name);
    snake(base)
}

/// The ApiKey variant: `ProduceRequest` -> `Produce`.
pub fn api_variant(spec_name: &str) -> String {
    spec_name.strip_suffix("Request").or_else(|| spec_name.strip_suffix("Response")).unwrap_or(spec_name).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snake_cases() {
        assert_eq!(snake("TransactionalId"), "transactional_id");
        assert_eq!(snake("KRaftVersion"), "k_raft_version");
        assert_eq!(snake("IsrNodes"), "isr_nodes");
        assert_eq!(snake("ProducerId"), "producer_id");
        assert_eq!(snake("Listeners"), "listeners");
        assert_eq!(field_ident("Type"), "r#type");
        assert_eq!(camel("TransactionalId"), "transactionalId");
    }
}

//! The subject of a client certificate, as Kafka's default SSL principal names it
//! (`X500Principal.getName()`, RFC 2253: the RDNs in reverse order, `CN=alice,O=example`).
//!
//! A small DER walk over the certificate rustls already verified, enough for the subject's
//! attribute type and string values; nothing here trusts lengths without a bounds check, and
//! a certificate it cannot read yields `None` (the connection keeps `User:ANONYMOUS`).

/// The subject distinguished name of a DER certificate, RFC 2253 style.
pub(crate) fn subject_name(der: &[u8]) -> Option<String> {
    let (certificate, _) = element(der, 0x30)?;
    let (tbs, _) = element(certificate, 0x30)?;
    let mut rest = tbs;
    // [0] EXPLICIT version, optional.
    if rest.first() == Some(&0xa0) {
        rest = element(rest, 0xa0)?.1;
    }
    rest = element(rest, 0x02)?.1; // serialNumber
    rest = element(rest, 0x30)?.1; // signature AlgorithmIdentifier
    rest = element(rest, 0x30)?.1; // issuer
    rest = element(rest, 0x30)?.1; // validity
    let (subject, _) = element(rest, 0x30)?;
    let mut rdns = Vec::new();
    let mut set_list = subject;
    while !set_list.is_empty() {
        let (set, after) = element(set_list, 0x31)?;
        set_list = after;
        let mut attributes = Vec::new();
        let mut items = set;
        while !items.is_empty() {
            let (pair, after) = element(items, 0x30)?;
            items = after;
            let (oid, value_tlv) = element(pair, 0x06)?;
            let (&value_tag, _) = value_tlv.split_first()?;
            let (value, _) = element(value_tlv, value_tag)?;
            let text = match value_tag {
                // UTF8String, PrintableString, IA5String, TeletexString (as Latin-1 is close enough).
                0x0c | 0x13 | 0x16 | 0x14 => escape(&String::from_utf8_lossy(value)),
                _ => format!("#{}", hex(value_tlv)),
            };
            attributes.push(format!("{}={text}", attribute_name(oid)));
        }
        rdns.push(attributes.join("+"));
    }
    rdns.reverse();
    Some(rdns.join(","))
}

/// One DER element of `tag` at the start of `input`: its contents and what follows.
fn element(input: &[u8], tag: u8) -> Option<(&[u8], &[u8])> {
    let (&t, rest) = input.split_first()?;
    if t != tag {
        return None;
    }
    let (&first, mut rest) = rest.split_first()?;
    let len = if first < 0x80 {
        usize::from(first)
    } else {
        let n = usize::from(first & 0x7f);
        if n == 0 || n > 4 || rest.len() < n {
            return None;
        }
        let len = rest[..n].iter().fold(0usize, |acc, &b| (acc << 8) | usize::from(b));
        rest = &rest[n..];
        len
    };
    (rest.len() >= len).then(|| rest.split_at(len))
}

/// RFC 2253's keywords (those Java prints), else the dotted OID.
fn attribute_name(oid: &[u8]) -> String {
    match oid {
        [0x55, 0x04, 0x03] => "CN".to_owned(),
        [0x55, 0x04, 0x06] => "C".to_owned(),
        [0x55, 0x04, 0x07] => "L".to_owned(),
        [0x55, 0x04, 0x08] => "ST".to_owned(),
        [0x55, 0x04, 0x09] => "STREET".to_owned(),
        [0x55, 0x04, 0x0a] => "O".to_owned(),
        [0x55, 0x04, 0x0b] => "OU".to_owned(),
        [0x09, 0x92, 0x26, 0x89, 0x93, 0xf2, 0x2c, 0x64, 0x01, 0x19] => "DC".to_owned(),
        [0x09, 0x92, 0x26, 0x89, 0x93, 0xf2, 0x2c, 0x64, 0x01, 0x01] => "UID".to_owned(),
        other => dotted(other),
    }
}

fn dotted(oid: &[u8]) -> String {
    let mut parts = Vec::new();
    let mut value: u64 = 0;
    for (i, &b) in oid.iter().enumerate() {
        value = (value << 7) | u64::from(b & 0x7f);
        if b & 0x80 == 0 {
            if parts.is_empty() && i < oid.len() {
                let first = value.min(80) / 40;
                parts.push(first.to_string());
                parts.push((value - first * 40).to_string());
            } else {
                parts.push(value.to_string());
            }
            value = 0;
        }
    }
    parts.join(".")
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// RFC 2253 escaping of an attribute value.
fn escape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let last = value.chars().count().saturating_sub(1);
    for (i, c) in value.chars().enumerate() {
        let special = matches!(c, ',' | '+' | '"' | '\\' | '<' | '>' | ';')
            || (i == 0 && (c == ' ' || c == '#'))
            || (i == last && c == ' ');
        if special {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subjects_read_as_java_names_them() {
        let key = rcgen::KeyPair::generate().expect("key");
        let mut params = rcgen::CertificateParams::new(Vec::new()).expect("params");
        params.distinguished_name = rcgen::DistinguishedName::new();
        params.distinguished_name.push(rcgen::DnType::OrganizationName, "Example, Inc");
        params.distinguished_name.push(rcgen::DnType::CommonName, "alice");
        let cert = params.self_signed(&key).expect("certificate");
        assert_eq!(subject_name(cert.der()).as_deref(), Some("CN=alice,O=Example\\, Inc"));
        assert_eq!(dotted(&[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d]), "1.2.840.113549");
    }

    #[test]
    fn hostile_bytes_do_not_panic() {
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        for len in 0..2000 {
            let bytes: Vec<u8> = (0..len % 300)
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    seed as u8
                })
                .collect();
            let _ = subject_name(&bytes);
            let mut framed = vec![0x30, 0x82, (bytes.len() >> 8) as u8, bytes.len() as u8];
            framed.extend_from_slice(&bytes);
            let _ = subject_name(&framed);
        }
    }
}

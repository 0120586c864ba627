//! Links to DOIs.

use std::fmt::Write as _;

use crate::study::Doi;

/// `https://doi.org/` and the DOI, percent-encoded, when the DOI is DOI
/// syntax; `None` for anything else, which the report shows as text only.
///
/// A valid DOI's suffix may hold any character but whitespace, quotes and
/// angle brackets among them. Everything outside the unreserved characters
/// and the few delimiters DOIs commonly use (`/ : ; ( ) @ ! $ * + , =`) is
/// percent-encoded as UTF-8, as the DOI Handbook recommends for URLs, so the
/// link always points at doi.org and means what the DOI says.
pub(super) fn url(doi: &Doi) -> Option<String> {
    if !doi.is_valid() {
        return None;
    }
    let mut url = String::from("https://doi.org/");
    for byte in doi.as_str().bytes() {
        let keep = byte.is_ascii_alphanumeric()
            || matches!(
                byte,
                b'-' | b'.'
                    | b'_'
                    | b'~'
                    | b'/'
                    | b':'
                    | b';'
                    | b'('
                    | b')'
                    | b'@'
                    | b'!'
                    | b'$'
                    | b'*'
                    | b'+'
                    | b','
                    | b'='
            );
        if keep {
            url.push(char::from(byte));
        } else {
            let _ = write!(url, "%{byte:02X}");
        }
    }
    Some(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doi(s: &str) -> Doi {
        serde_json::from_value(serde_json::Value::String(s.to_owned())).unwrap()
    }

    #[test]
    fn valid_dois_link_to_doi_org() {
        assert_eq!(
            url(&doi("10.1111/hex.13151")).as_deref(),
            Some("https://doi.org/10.1111/hex.13151")
        );
        assert_eq!(
            url(&doi(
                "10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-0"
            ))
            .as_deref(),
            Some(
                "https://doi.org/10.1002/(SICI)1097-4571(199806)49:8%3C693::AID-ASI4%3E3.0.CO;2-0"
            )
        );
    }

    #[test]
    fn hostile_suffixes_are_encoded_and_invalid_dois_are_not_links() {
        let link = url(&doi("10.1234/\"><svg/onload=alert(1)>#?%&'é")).unwrap();
        assert_eq!(
            link,
            "https://doi.org/10.1234/%22%3E%3Csvg/onload=alert(1)%3E%23%3F%25%26%27%C3%A9"
        );
        for bad in [
            "javascript:alert(1)",
            "10.11/x",
            "doi:10.1111/x",
            "https://doi.org/10.1111/x",
            "10.1111/a b",
        ] {
            assert_eq!(url(&doi(bad)), None, "{bad}");
        }
    }
}

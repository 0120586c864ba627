//! Deterministic GUIDs: UUID version 5 names in one fixed namespace.

use uuid::Uuid;

use crate::refi_qda::Guid;

/// The namespace of every GUID the mapping derives:
/// `86540e94-8dff-5361-97e2-34a8cfd3cdad`, itself the UUID v5 of the name
/// `urn:peer-support:refi-qda` in the URL namespace. It never changes, so a
/// code has the same GUID in every release and an import recognises it.
pub const GUID_NAMESPACE: Uuid = Uuid::from_u128(0x86540e94_8dff_5361_97e2_34a8cfd3cdad);

/// The GUID derived from `name` in [`GUID_NAMESPACE`].
pub(crate) fn derived(name: &str) -> Guid {
    Guid::from_uuid(Uuid::new_v5(&GUID_NAMESPACE, name.as_bytes()))
}

/// The GUID of the codable code for concept `kind`/`code`: the UUID v5 of
/// `code:{kind}/{code}` in [`GUID_NAMESPACE`].
///
/// ```
/// use peer_support::interchange::refi;
///
/// let guid = refi::code_guid("facilitator", "supervision");
/// assert_eq!(guid, refi::code_guid("facilitator", "supervision"));
/// assert_ne!(guid, refi::code_guid("barrier", "supervision"));
/// ```
pub fn code_guid(kind: &str, code: &str) -> Guid {
    derived(&format!("code:{kind}/{code}"))
}

/// The GUID of the non-codable parent code of a kind: the UUID v5 of
/// `kind:{kind}`.
pub fn kind_guid(kind: &str) -> Guid {
    derived(&format!("kind:{kind}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_namespace_is_the_documented_derivation() {
        assert_eq!(
            GUID_NAMESPACE,
            Uuid::new_v5(&Uuid::NAMESPACE_URL, b"urn:peer-support:refi-qda")
        );
    }

    #[test]
    fn guids_are_pinned() {
        // A change here breaks every re-import of earlier exports.
        assert_eq!(
            code_guid("facilitator", "supervision").to_string(),
            "e706b88c-8726-5ccf-9dd4-d91ce8ff82e7"
        );
        assert_eq!(
            kind_guid("barrier").as_uuid().get_version_num(),
            5,
            "a version 5 UUID"
        );
    }
}

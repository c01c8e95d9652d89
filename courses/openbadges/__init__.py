"""Open Badges 3.0: every certificate also as a signed W3C Verifiable Credential.

- `credentials` builds a certificate's OpenBadgeCredential from what the certificate froze;
- `proofs` signs and checks it with a Data Integrity proof, cryptosuite eddsa-rdfc-2022;
- `jsonld` canonicalises with the two contexts kept in `contexts/` (no network, ever);
- `keys` holds the portal's Ed25519 key (OPENBADGES_SIGNING_KEY) and the issuer's addresses;
- `verification` tells a visitor whether a credential someone hands them is genuine and in force.

A credential is not stored: it is rebuilt and signed on request, and comes out the same each time
(the proof's date is the certificate's issue date; Ed25519 signatures are deterministic).
"""

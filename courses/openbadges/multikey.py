"""Multibase base58btc and the Multikey form of an Ed25519 public key (W3C Controlled Identifiers)."""

ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
# The multicodec prefix of an Ed25519 public key (0xed, as an unsigned varint).
ED25519_PUBLIC = b"\xed\x01"


def base58btc(data: bytes) -> str:
    """`data` in multibase base58btc: "z" and the Bitcoin alphabet."""
    number = int.from_bytes(data, "big")
    digits = ""
    while number:
        number, rest = divmod(number, 58)
        digits = ALPHABET[rest] + digits
    zeros = len(data) - len(data.lstrip(b"\0"))
    return "z" + "1" * zeros + digits


def base58btc_decode(text: str) -> bytes:
    """The bytes of a multibase base58btc string; ValueError when it is not one."""
    if not text.startswith("z"):
        raise ValueError("not base58btc")
    body = text[1:]
    number = 0
    for char in body:
        index = ALPHABET.find(char)
        if index < 0:
            raise ValueError("not base58btc")
        number = number * 58 + index
    zeros = len(body) - len(body.lstrip("1"))
    return b"\0" * zeros + (number.to_bytes((number.bit_length() + 7) // 8, "big") if number else b"")


def public_multikey(public_key: bytes) -> str:
    """An Ed25519 public key as publicKeyMultibase (z6Mk…)."""
    return base58btc(ED25519_PUBLIC + public_key)

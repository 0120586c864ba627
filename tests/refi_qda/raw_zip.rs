//! A ZIP writer for tests that need archives no well-behaved library writes:
//! duplicate or hostile names, headers that lie about sizes, encryption
//! flags, unknown compression methods, and hand-made deflate bombs.

/// One entry, written exactly as described.
pub struct Entry {
    pub name: Vec<u8>,
    /// 0 stored, 8 deflate, anything else to test refusal.
    pub method: u16,
    /// General purpose flags (bit 0: encrypted; bit 11: UTF-8 name).
    pub flags: u16,
    /// The bytes stored after the local header (already compressed).
    pub data: Vec<u8>,
    pub crc: u32,
    /// The uncompressed size the headers declare (may lie).
    pub declared_size: u32,
}

impl Entry {
    /// A stored entry with a correct CRC and size.
    pub fn stored(name: &str, data: &[u8]) -> Self {
        Entry {
            name: name.as_bytes().to_vec(),
            method: 0,
            flags: 0x800,
            data: data.to_vec(),
            crc: crc32(data),
            declared_size: data.len() as u32,
        }
    }
}

/// The archive: local headers and data, central directory, end record.
/// `declared_entries` overrides the entry count the end record gives.
pub fn build(entries: &[Entry], declared_entries: Option<u16>) -> Vec<u8> {
    let mut out = Vec::new();
    let mut offsets = Vec::new();
    for e in entries {
        offsets.push(out.len() as u32);
        out.extend(0x0403_4b50u32.to_le_bytes());
        out.extend(20u16.to_le_bytes()); // version needed
        out.extend(e.flags.to_le_bytes());
        out.extend(e.method.to_le_bytes());
        out.extend(0u16.to_le_bytes()); // time
        out.extend(0x21u16.to_le_bytes()); // date: 1980-01-01
        out.extend(e.crc.to_le_bytes());
        out.extend((e.data.len() as u32).to_le_bytes());
        out.extend(e.declared_size.to_le_bytes());
        out.extend((e.name.len() as u16).to_le_bytes());
        out.extend(0u16.to_le_bytes()); // extra length
        out.extend(&e.name);
        out.extend(&e.data);
    }
    let directory_start = out.len() as u32;
    for (e, offset) in entries.iter().zip(&offsets) {
        out.extend(0x0201_4b50u32.to_le_bytes());
        out.extend(20u16.to_le_bytes()); // made by
        out.extend(20u16.to_le_bytes()); // needed
        out.extend(e.flags.to_le_bytes());
        out.extend(e.method.to_le_bytes());
        out.extend(0u16.to_le_bytes());
        out.extend(0x21u16.to_le_bytes());
        out.extend(e.crc.to_le_bytes());
        out.extend((e.data.len() as u32).to_le_bytes());
        out.extend(e.declared_size.to_le_bytes());
        out.extend((e.name.len() as u16).to_le_bytes());
        out.extend([0u8; 12]); // extra, comment, disk, internal and external attributes
        out.extend(offset.to_le_bytes());
        out.extend(&e.name);
    }
    let directory_size = out.len() as u32 - directory_start;
    let count = declared_entries.unwrap_or(entries.len() as u16);
    out.extend(0x0605_4b50u32.to_le_bytes());
    out.extend([0u8; 4]); // disk numbers
    out.extend(count.to_le_bytes());
    out.extend(count.to_le_bytes());
    out.extend(directory_size.to_le_bytes());
    out.extend(directory_start.to_le_bytes());
    out.extend(0u16.to_le_bytes()); // comment length
    out
}

/// CRC-32 (IEEE), bit by bit: slow but tiny, for small test data.
pub fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &byte in data {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// A raw deflate stream of `1 + 258 * repeats` zero bytes in one block with
/// the fixed Huffman codes: a literal 0, then `repeats` copies of
/// (length 258, distance 1), 13 bits for 258 bytes, about 159:1.
pub fn deflate_zeros(repeats: usize) -> Vec<u8> {
    let mut bits = Bits::default();
    bits.push(1, 1); // final block
    bits.push(1, 2); // fixed Huffman (BTYPE 01, written LSB first)
    bits.push_code(0x30, 8); // literal 0
    for _ in 0..repeats {
        bits.push_code(0xC5, 8); // length 258 (symbol 285)
        bits.push_code(0, 5); // distance 1 (code 0)
    }
    bits.push_code(0, 7); // end of block (symbol 256)
    bits.finish()
}

#[derive(Default)]
struct Bits {
    out: Vec<u8>,
    acc: u32,
    len: u32,
}

impl Bits {
    /// `count` bits of `value`, least significant first (header fields).
    fn push(&mut self, value: u32, count: u32) {
        for i in 0..count {
            self.acc |= ((value >> i) & 1) << self.len;
            self.len += 1;
            if self.len == 8 {
                self.out.push(self.acc as u8);
                self.acc = 0;
                self.len = 0;
            }
        }
    }

    /// A Huffman code of `count` bits, most significant first.
    fn push_code(&mut self, code: u32, count: u32) {
        for i in (0..count).rev() {
            self.push((code >> i) & 1, 1);
        }
    }

    fn finish(mut self) -> Vec<u8> {
        if self.len > 0 {
            self.out.push(self.acc as u8);
        }
        self.out
    }
}

//! Images kept inside a map as `data:` URLs: a persona's avatar and a
//! report's logo. A map file is untrusted input and these are shown in an
//! `<img>`, so a URL is only accepted when it declares one of the allowed
//! types, is base64 and its bytes really are of that type; one reader does
//! it for both (`persona` and `branding` say which types and sizes).

use crate::core::formats::base64::{self, Alphabet};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImageType {
    Png,
    Jpeg,
    Webp,
    Svg,
}

const PNG: &[u8] = b"\x89PNG\r\n\x1a\n";
const JPEG: &[u8] = &[0xFF, 0xD8, 0xFF];

impl ImageType {
    pub const ALL: [ImageType; 4] = [
        ImageType::Png,
        ImageType::Jpeg,
        ImageType::Webp,
        ImageType::Svg,
    ];

    pub fn mime(self) -> &'static str {
        match self {
            ImageType::Png => "image/png",
            ImageType::Jpeg => "image/jpeg",
            ImageType::Webp => "image/webp",
            ImageType::Svg => "image/svg+xml",
        }
    }

    /// Whether `bytes` start as an image of this type: PNG's, JPEG's or
    /// WebP's signature, markup for SVG.
    pub fn fits(self, bytes: &[u8]) -> bool {
        match self {
            ImageType::Png => bytes.starts_with(PNG),
            ImageType::Jpeg => bytes.starts_with(JPEG),
            ImageType::Webp => {
                bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP"
            }
            ImageType::Svg => bytes.first() == Some(&b'<'),
        }
    }
}

/// Why a text is not an image's data URL of an allowed type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DataUrlError {
    /// Not a `data:` URL (an address elsewhere, a script…).
    NotADataUrl,
    /// Another type than those allowed, or not in base64: what it declares
    /// (at most 40 characters of it).
    UnsupportedType(String),
    /// More bytes than allowed once decoded: how many.
    TooLarge(usize),
    /// The base64 breaks at this character of the data (after the comma).
    NotBase64 { at: usize },
    /// The bytes are not an image of the declared type.
    NotThatImage(ImageType),
}

/// Read `url` as `data:<type>;base64,<data>` of one of `allowed`, at most
/// `max_bytes` once decoded (known before decoding: a huge text is refused
/// cheaply); its type and bytes.
pub fn read_data_url(
    url: &str,
    allowed: &[ImageType],
    max_bytes: usize,
) -> Result<(ImageType, Vec<u8>), DataUrlError> {
    let declared_as = |text: &str| DataUrlError::UnsupportedType(text.chars().take(40).collect());
    let rest = url.strip_prefix("data:").ok_or(DataUrlError::NotADataUrl)?;
    let (declared, data) = rest.split_once(',').ok_or_else(|| declared_as(rest))?;
    let kind = declared
        .strip_suffix(";base64")
        .and_then(|mime| allowed.iter().copied().find(|k| k.mime() == mime))
        .ok_or_else(|| declared_as(declared))?;
    let padding = data.bytes().rev().take_while(|&b| b == b'=').count();
    let size = (data.len() / 4 * 3).saturating_sub(padding);
    if size > max_bytes {
        return Err(DataUrlError::TooLarge(size));
    }
    let bytes = base64::decode(data, Alphabet::Standard)
        .map_err(|e| DataUrlError::NotBase64 { at: e.at })?;
    if kind.fits(&bytes) {
        Ok((kind, bytes))
    } else {
        Err(DataUrlError::NotThatImage(kind))
    }
}

/// `bytes` as a data URL of `kind`.
pub fn data_url(kind: ImageType, bytes: &[u8]) -> String {
    format!(
        "data:{};base64,{}",
        kind.mime(),
        base64::encode(bytes, Alphabet::Standard)
    )
}

/// An SVG's text from its first markup: without a byte-order mark or the
/// blank space before it (so that its data URL starts with `<`).
pub fn svg_start(bytes: &[u8]) -> &[u8] {
    let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start = text
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(text.len());
    &text[start..]
}

/// The first of `allowed` that a file's bytes are: by signature, or for SVG
/// UTF-8 text starting with markup and holding an `<svg`.
pub fn sniff(bytes: &[u8], allowed: &[ImageType]) -> Option<ImageType> {
    allowed.iter().copied().find(|&kind| match kind {
        ImageType::Svg => {
            let text = svg_start(bytes);
            let has_svg = text
                .windows(4)
                .any(|w| w[0] == b'<' && w[1..].iter().map(u8::to_ascii_lowercase).eq(*b"svg"));
            text.first() == Some(&b'<') && has_svg && std::str::from_utf8(text).is_ok()
        }
        raster => raster.fits(bytes),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_data_url_is_read_only_as_an_allowed_type_whose_bytes_fit() {
        let png = data_url(ImageType::Png, PNG);
        assert_eq!(
            read_data_url(&png, &ImageType::ALL, 100),
            Ok((ImageType::Png, PNG.to_vec()))
        );
        assert_eq!(
            read_data_url(&png, &[ImageType::Jpeg], 100),
            Err(DataUrlError::UnsupportedType("image/png;base64".into()))
        );
        assert_eq!(
            read_data_url(&png, &ImageType::ALL, 4),
            Err(DataUrlError::TooLarge(8))
        );
        let lie = png.replace("image/png", "image/jpeg");
        assert_eq!(
            read_data_url(&lie, &ImageType::ALL, 100),
            Err(DataUrlError::NotThatImage(ImageType::Jpeg))
        );
        assert_eq!(
            read_data_url("https://x/a.png", &ImageType::ALL, 100),
            Err(DataUrlError::NotADataUrl)
        );
    }

    #[test]
    fn a_file_is_sniffed_among_the_allowed_types_only() {
        let svg = b"\xEF\xBB\xBF  <svg xmlns='http://www.w3.org/2000/svg'/>";
        assert_eq!(sniff(svg, &ImageType::ALL), Some(ImageType::Svg));
        assert_eq!(sniff(svg, &[ImageType::Png, ImageType::Webp]), None);
        assert_eq!(
            sniff(b"RIFF\x10\0\0\0WEBPVP8 ", &ImageType::ALL),
            Some(ImageType::Webp)
        );
        assert_eq!(sniff(b"<html>", &ImageType::ALL), None);
        assert_eq!(svg_start(svg)[0], b'<');
    }
}

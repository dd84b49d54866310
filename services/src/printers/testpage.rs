//! The test page: a one-page PDF made here, naming the printer. PDF is what an IPP Everywhere
//! queue takes directly (cups-filters' pdftopdf, then the printer's own PDF or PWG raster).

/// The test page's MIME type.
pub const TEST_PAGE_FORMAT: &str = "application/pdf";

/// Keeps printable ASCII and escapes what a PDF string needs escaped.
fn pdf_text(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        match c {
            '(' | ')' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            ' '..='~' => out.push(c),
            _ => out.push('?'),
        }
    }
    out
}

/// A valid one-page A4 PDF with a title, the printer's name and a frame.
pub fn test_page(printer: &str) -> Vec<u8> {
    let content = format!(
        "q 2 w 36 36 523 770 re S Q\n\
         BT /F1 28 Tf 72 740 Td (Ferrum test page) Tj ET\n\
         BT /F1 16 Tf 72 700 Td (Printer: {}) Tj ET\n\
         BT /F1 12 Tf 72 670 Td (If you can read this, the printer works.) Tj ET\n",
        pdf_text(printer)
    );
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_owned(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] \
         /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>"
            .to_owned(),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_owned(),
        format!(
            "<< /Length {} >>\nstream\n{content}endstream",
            content.len()
        ),
    ];
    let mut pdf = String::from("%PDF-1.4\n");
    let mut offsets = Vec::new();
    for (i, object) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.push_str(&format!("{} 0 obj\n{object}\nendobj\n", i + 1));
    }
    let xref = pdf.len();
    pdf.push_str(&format!(
        "xref\n0 {}\n0000000000 65535 f \n",
        objects.len() + 1
    ));
    for offset in offsets {
        pdf.push_str(&format!("{offset:010} 00000 n \n"));
    }
    pdf.push_str(&format!(
        "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
        objects.len() + 1
    ));
    pdf.into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_test_page_is_a_pdf_with_a_correct_cross_reference() {
        let pdf = String::from_utf8(test_page("Office (2) ü")).unwrap();
        assert!(pdf.starts_with("%PDF-1.4\n"));
        assert!(pdf.contains("(Printer: Office \\(2\\) ?)"));
        let xref: usize = pdf
            .rsplit("startxref\n")
            .next()
            .and_then(|tail| tail.lines().next())
            .unwrap()
            .parse()
            .unwrap();
        assert!(pdf[xref..].starts_with("xref\n"));
        for (n, line) in pdf[xref..].lines().skip(3).take(5).enumerate() {
            let offset: usize = line[..10].parse().unwrap();
            assert!(pdf[offset..].starts_with(&format!("{} 0 obj", n + 1)));
        }
    }
}

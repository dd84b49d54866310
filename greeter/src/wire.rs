//! greetd's IPC framing (native-endian u32 length, then JSON), with the
//! message types of the `greetd_ipc` crate, read defensively.
//!
//! `greetd_ipc`'s own codec allocates whatever length the peer announces; a
//! broken or hostile reply of 4 GiB would abort the greeter. Here a reply is
//! capped at [`MAX_FRAME`] and every failure is a typed error.

use greetd_ipc::{Request, Response};
use serde::Serialize;
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use zeroize::Zeroizing;

use crate::secret::Secret;

/// The largest reply accepted from greetd (its messages are a few hundred bytes).
pub const MAX_FRAME: u32 = 64 * 1024;

/// What can go wrong on the wire.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WireError {
    /// The connection closed.
    #[error("greetd closed the connection")]
    Closed,
    /// Reading or writing failed.
    #[error("talking to greetd failed: {0}")]
    Io(String),
    /// The reply announced more than [`MAX_FRAME`] bytes.
    #[error("greetd's reply is too large ({0} bytes)")]
    Oversized(u32),
    /// The reply is not a greetd message.
    #[error("greetd's reply is not understood: {0}")]
    Malformed(String),
}

fn io(error: std::io::Error) -> WireError {
    match error.kind() {
        std::io::ErrorKind::UnexpectedEof
        | std::io::ErrorKind::BrokenPipe
        | std::io::ErrorKind::ConnectionReset => WireError::Closed,
        _ => WireError::Io(error.to_string()),
    }
}

async fn write_frame<W: AsyncWrite + Unpin>(stream: &mut W, body: &[u8]) -> Result<(), WireError> {
    let length =
        u32::try_from(body.len()).map_err(|_| WireError::Malformed("request too large".into()))?;
    stream.write_all(&length.to_ne_bytes()).await.map_err(io)?;
    stream.write_all(body).await.map_err(io)?;
    stream.flush().await.map_err(io)
}

/// Sends a request that carries no secret.
pub async fn send<W: AsyncWrite + Unpin>(
    stream: &mut W,
    request: &Request,
) -> Result<(), WireError> {
    let body = serde_json::to_vec(request).map_err(|e| WireError::Malformed(e.to_string()))?;
    write_frame(stream, &body).await
}

/// The reply to an authentication message, serialized from borrowed text so
/// the secret is never copied into a plain `String`.
#[derive(Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
enum AnswerRequest<'a> {
    PostAuthMessageResponse { response: Option<&'a str> },
}

/// Counts the bytes written to it and keeps none.
#[derive(Default)]
struct Counter(usize);

impl std::io::Write for Counter {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0 += bytes.len();
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The JSON of the answer to a prompt, in a buffer zeroized on drop.
///
/// IMPORTANT: the buffer never grows. A growing `Vec` moves its bytes to a new
/// allocation and frees the old one without clearing it, leaving copies of the
/// secret on the heap. The exact length is measured first (serializing into a
/// counter that keeps nothing), then the JSON is written into a buffer of that
/// capacity.
pub fn answer_body(answer: Option<&Secret>) -> Result<Zeroizing<Vec<u8>>, WireError> {
    let request = AnswerRequest::PostAuthMessageResponse {
        response: answer.map(Secret::expose),
    };
    let mut counter = Counter::default();
    serde_json::to_writer(&mut counter, &request)
        .map_err(|e| WireError::Malformed(e.to_string()))?;
    let mut body = Zeroizing::new(Vec::with_capacity(counter.0));
    let capacity = body.capacity();
    serde_json::to_writer(&mut *body, &request).map_err(|e| WireError::Malformed(e.to_string()))?;
    if body.capacity() != capacity {
        // Cannot happen (same serializer, same input); refuse rather than send.
        return Err(WireError::Malformed("the answer's buffer grew".into()));
    }
    Ok(body)
}

/// Sends the answer to a prompt. IMPORTANT: the serialized bytes, which hold
/// the secret, are in one buffer that never reallocates and is zeroized when
/// dropped, whether or not writing worked (see [`answer_body`]).
pub async fn send_answer<W: AsyncWrite + Unpin>(
    stream: &mut W,
    answer: Option<&Secret>,
) -> Result<(), WireError> {
    let body = answer_body(answer)?;
    write_frame(stream, &body).await
}

/// Reads one reply, refusing oversized or malformed ones.
pub async fn receive<R: AsyncRead + Unpin>(stream: &mut R) -> Result<Response, WireError> {
    let mut length = [0u8; 4];
    stream.read_exact(&mut length).await.map_err(io)?;
    let length = u32::from_ne_bytes(length);
    if length > MAX_FRAME {
        return Err(WireError::Oversized(length));
    }
    let mut body = vec![0u8; length as usize];
    stream.read_exact(&mut body).await.map_err(io)?;
    serde_json::from_slice(&body).map_err(|e| WireError::Malformed(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The serialized answer fills a buffer allocated once at its exact size:
    /// no reallocation ever left a copy of the secret behind.
    #[test]
    fn the_answer_is_serialized_without_reallocating() {
        let answers = [
            String::new(),
            "hunter2".to_owned(),
            // Escaped characters make the JSON longer than the text.
            "quote\" back\\slash \n\t\u{1} tab".to_owned(),
            "Zürich@€😀".repeat(20),
            "\u{7}".repeat(512),
            "x".repeat(512),
        ];
        for text in answers {
            let secret = Secret::new(text.clone());
            let body = answer_body(Some(&secret)).unwrap();
            assert_eq!(
                body.capacity(),
                body.len(),
                "allocated once, at the exact size ({} bytes of answer)",
                text.len()
            );
            let parsed: serde_json::Value = serde_json::from_slice(&body).unwrap();
            assert_eq!(parsed["type"], "post_auth_message_response");
            assert_eq!(parsed["response"], text.as_str());
        }
        let body = answer_body(None).unwrap();
        assert_eq!(body.capacity(), body.len());
        assert_eq!(
            &body[..],
            br#"{"type":"post_auth_message_response","response":null}"#
        );
    }
}

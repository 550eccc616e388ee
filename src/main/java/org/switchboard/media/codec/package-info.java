/**
 * Codecs and linear audio: G.711 µ-law/A-law and G.722 (ours), Opus (Concentus), signed linear
 * at 8/16/48 kHz, resampling, transcoding between any two of them, WAV files, and a Goertzel
 * filter for checking tones.
 *
 * <p>Conventions. Linear PCM is native {@code short[]}; a "slin"/"slin16"/"slin48" frame's
 * payload is the same samples as 16-bit signed little-endian bytes. A {@code VoiceFrame}'s
 * {@code samples} counts samples at the codec's linear rate ({@link
 * org.switchboard.media.codec.Codec#sampleRate()}: 16000 for G.722), while RTP timestamps run
 * at {@link org.switchboard.media.codec.Codec#rtpClockRate()} (8000 for G.722, RFC 3551).
 *
 * <p>Hot path. Codec, resampler and transcoder instances keep per-stream state: one per leg
 * and direction, never shared between threads. Their array methods allocate nothing, take no
 * lock and log nothing; failures are return values.
 */
package org.switchboard.media.codec;

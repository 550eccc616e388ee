/**
 * DTMF in the audio itself ({@code dtmfmode=inband}): {@link org.switchboard.media.dtmf.DtmfDetector}
 * finds key presses in linear PCM with Goertzel filters (ITU-T Q.23 frequencies, Q.24-style
 * acceptance), {@link org.switchboard.media.dtmf.DtmfTones} makes them. No I/O, no threads.
 */
package org.switchboard.media.dtmf;

/** chan_sip's console commands ({@code sip show peers}, {@code sip set debug}, ...), one class each. */
package org.switchboard.channels.sip.cli;

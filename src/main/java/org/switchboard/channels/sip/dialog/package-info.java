/**
 * SIP dialogs (RFC 3261 §12): {@link org.switchboard.channels.sip.dialog.SipDialog} holds one
 * dialog's state and builds its in-dialog requests; {@link org.switchboard.channels.sip.dialog.SipDialogs}
 * finds the dialog a message belongs to. Pure logic above the transaction layer.
 */
package org.switchboard.channels.sip.dialog;

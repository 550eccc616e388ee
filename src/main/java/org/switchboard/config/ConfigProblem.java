package org.switchboard.config;

/**
 * Something wrong in a configuration file, at the line where it was found. Line 0 means the file as a
 * whole (it could not be read).
 *
 * @param file    the file name as the reader knows it: the name it was asked to read, or an included
 *                file's path relative to the config directory
 * @param line    1-based line number, or 0 for the whole file
 * @param message what is wrong, in words
 */
public record ConfigProblem(String file, int line, String message) {

    /** {@code file:line: message}, the form compilers use, so editors can jump to it. */
    @Override
    public String toString() {
        return file + ":" + line + ": " + message;
    }
}

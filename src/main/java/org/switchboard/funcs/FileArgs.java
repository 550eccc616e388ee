package org.switchboard.funcs;

/**
 * The arguments of {@code FILE(filename[,offset[,length[,options[,format]]]])} as func_env.c
 * reads them: offset and length with {@code sscanf("%lld")}, so an empty or non-numeric one
 * keeps its default (offset 0, length "to the end", null here); line mode when options holds
 * 'l'; the format only when all five arguments are written.
 */
record FileArgs(String filename, String offsetText, long offset, String lengthText, Long length, String options,
        TextFileFormat format) {

    static FileArgs parse(String data) {
        String[] a = FuncArgs.standard(data, 5);
        Long offset = a[1] == null ? null : FuncArgs.leadingLong(a[1]);
        Long length = a[2] == null ? null : FuncArgs.leadingLong(a[2]);
        return new FileArgs(FuncArgs.orEmpty(a[0]), FuncArgs.orEmpty(a[1]), offset == null ? 0 : offset,
                FuncArgs.orEmpty(a[2]), length, FuncArgs.orEmpty(a[3]), a[4] == null ? null : TextFileFormat.named(a[4]));
    }

    boolean lineMode() { return options.indexOf('l') >= 0; }

    boolean append() { return options.indexOf('a') >= 0; }

    /** 'd': in line mode, no line break after the value written. */
    boolean noTerminator() { return options.indexOf('d') >= 0; }

    /** The whole file is replaced: no offset (or 0) and no length. */
    boolean wholeFile() { return offset == 0 && length == null; }
}

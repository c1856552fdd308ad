package dev.jprov.modules.files;

import dev.jprov.modules.ArgsException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.Locale;

/** A file's text encoding named as Python names codecs (replace's {@code encoding}), decoded strictly as to_text does. */
record TextEncoding(String name, Charset charset) {

    static TextEncoding named(String name) {
        String n = name.toLowerCase(Locale.ROOT).replace('_', '-');
        String java = switch (n) {
            case "latin-1", "latin1", "l1", "iso8859-1" -> "ISO-8859-1";
            case "utf8", "u8" -> "UTF-8";
            case "ascii", "us-ascii" -> "US-ASCII";
            default -> n;
        };
        try {
            return new TextEncoding(name, Charset.forName(java));
        } catch (IllegalArgumentException e) {
            throw new ArgsException("unknown encoding: " + name);
        }
    }

    String decode(byte[] bytes, String path) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ArgsException("'" + name + "' codec can't decode the contents of " + path);
        }
    }

    byte[] encode(String text) {
        try {
            ByteBuffer b = charset.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).encode(CharBuffer.wrap(text));
            byte[] out = new byte[b.remaining()];
            b.get(out);
            return out;
        } catch (CharacterCodingException e) {
            throw new ArgsException("'" + name + "' codec can't encode the replaced text");
        }
    }
}

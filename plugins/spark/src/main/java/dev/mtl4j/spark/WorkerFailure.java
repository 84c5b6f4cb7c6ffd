package dev.mtl4j.spark;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.MtlException;
import java.util.Optional;

/**
 * A user's problem found on an executor (a cell that is not a number), carried back to the driver:
 * {@link MtlException} holds records Spark cannot serialize, so the category and the one-line
 * message travel as text and become the same {@link MtlException} on the driver.
 */
final class WorkerFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private static final String MARK = WorkerFailure.class.getName() + ": ";
    private static final String DRIVER_TRACE = "\nDriver stacktrace:";

    private WorkerFailure(String category, String message) {
        // the category leads the text: Spark may hand the driver only the executor's exception as text
        super(category + ": " + message, null, false, false);
    }

    static WorkerFailure of(MtlException e) {
        return new WorkerFailure(e.category().name(), e.getMessage());
    }

    /** {@code CATEGORY: message} back as the exception. */
    private static MtlException parse(String text) {
        int colon = text.indexOf(": ");
        return new MtlException(ErrorCategory.valueOf(text.substring(0, colon)), text.substring(colon + 2));
    }

    /** The user's problem inside a failed Spark job, if that is what failed it. */
    static Optional<MtlException> find(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof WorkerFailure worker) {
                return Optional.of(parse(worker.getMessage()));
            }
            if (t instanceof MtlException mtl) {
                return Optional.of(mtl);
            }
            String text = t.getMessage();
            int at = text == null ? -1 : text.indexOf(MARK);
            if (at >= 0) {
                String rest = text.substring(at + MARK.length());
                int end = rest.indexOf(DRIVER_TRACE);
                return Optional.of(parse((end < 0 ? rest : rest.substring(0, end)).strip()));
            }
        }
        return Optional.empty();
    }
}

package dev.wheelwise.dockerfile;

/**
 * A {@code COPY --from=STAGE} of an earlier stage's files: which stage, what path in it (after
 * the copying stage's variables), where it lands, and the instruction's line. What a stage copies
 * from another decides whose install ships (a venv built in a builder stage and copied in).
 */
public record StageCopy(int fromStage, String source, String destination, int line) {}

package dev.quorum.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class BatchWriterTest {

    @Test
    void should_have_written_every_offered_row_when_await_written_returns() {
        // given a writer whose batches take a while
        List<Integer> written = new CopyOnWriteArrayList<>();
        try (BatchWriter<Integer> writer = new BatchWriter<>("test-batch-writer", 1_000, 10, batch -> {
            sleep(20);
            written.addAll(batch);
        })) {
            // when
            for (int i = 0; i < 100; i++) {
                assertThat(writer.offer(i)).isTrue();
            }
            writer.awaitWritten(10_000);

            // then
            assertThat(written).hasSize(100);
        }
    }

    @Test
    void should_keep_writing_after_a_batch_whose_write_threw() {
        // given a write that fails once with an unchecked exception
        List<String> written = new CopyOnWriteArrayList<>();
        AtomicBoolean failed = new AtomicBoolean();
        try (BatchWriter<String> writer = new BatchWriter<>("test-batch-writer", 10, 1, batch -> {
            if (failed.compareAndSet(false, true)) {
                throw new IllegalStateException("the database said no");
            }
            written.addAll(batch);
        })) {
            // when
            writer.offer("lost");
            writer.awaitWritten(5_000);
            writer.offer("kept");
            writer.awaitWritten(5_000);

            // then the thread lives on and the later row is written
            assertThat(written).containsExactly("kept");
        }
    }

    @Test
    void should_refuse_a_row_at_once_when_the_queue_is_full() {
        // given a writer held in its first batch, and a queue of two
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch inWrite = new java.util.concurrent.CountDownLatch(1);
        try (BatchWriter<Integer> writer = new BatchWriter<>("test-batch-writer", 2, 1, batch -> {
            inWrite.countDown();
            await(release);
        })) {
            writer.offer(0);
            await(inWrite);

            // when
            boolean first = writer.offer(1);
            boolean second = writer.offer(2);
            boolean third = writer.offer(3);
            release.countDown();

            // then
            assertThat(List.of(first, second, third)).containsExactly(true, true, false);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(java.util.concurrent.CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

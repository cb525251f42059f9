package dev.quorum.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class BatchWriterTest {

    @Test
    void should_have_written_every_offered_row_when_flush_returns() {
        // given a writer whose first batch is held until every row is offered, so rows wait in the queue
        List<Integer> written = new CopyOnWriteArrayList<>();
        CountDownLatch allOffered = new CountDownLatch(1);
        try (BatchWriter<Integer> writer = new BatchWriter<>("test-batch-writer", 1_000, 10, batch -> {
            await(allOffered);
            written.addAll(batch);
        })) {
            // when
            for (int i = 0; i < 100; i++) {
                assertThat(writer.offer(i)).isTrue();
            }
            allOffered.countDown();
            writer.flush(10_000);

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
            writer.flush(5_000);
            writer.offer("kept");
            writer.flush(5_000);

            // then the thread lives on and the later row is written
            assertThat(written).containsExactly("kept");
        }
    }

    @Test
    void should_refuse_a_row_at_once_when_the_queue_is_full() {
        // given a writer held in its first batch, and a queue of two
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch inWrite = new CountDownLatch(1);
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

    @Test
    void should_retry_a_batch_the_write_could_not_take_in_order_and_without_spinning() {
        // given a database that is down for the first two attempts
        List<Integer> written = new CopyOnWriteArrayList<>();
        AtomicInteger attempts = new AtomicInteger();
        try (BatchWriter<Integer> writer = new BatchWriter<>("test-batch-writer", 100, 10, 0, batch -> {
            if (attempts.incrementAndGet() <= 2) {
                return false;
            }
            written.addAll(batch);
            return true;
        })) {
            // when
            for (int i = 0; i < 5; i++) {
                writer.offer(i);
            }

            // then every row is written once, in order, after the outage, and the failures were retried a second
            // apart, not in a loop (a spinning writer makes hundreds of attempts in that time)
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).until(() -> writer.pending() == 0);
            assertThat(written).containsExactly(0, 1, 2, 3, 4);
            assertThat(attempts.get()).isEqualTo(3);
        }
    }

    @Test
    void should_answer_a_flush_at_once_and_keep_the_rows_while_the_database_is_down() {
        // given a database that is down
        List<String> written = new CopyOnWriteArrayList<>();
        AtomicBoolean up = new AtomicBoolean();
        try (BatchWriter<String> writer = new BatchWriter<>("test-batch-writer", 100, 10, 0, batch -> {
            if (!up.get()) {
                return false;
            }
            written.addAll(batch);
            return true;
        })) {
            writer.offer("a");
            writer.offer("b");

            // when
            boolean flushedWhileDown = writer.flush(5_000);
            up.set(true);
            boolean flushedWhenUp = writer.flush(5_000);

            // then
            assertThat(flushedWhileDown).isFalse();
            assertThat(flushedWhenUp).isTrue();
            assertThat(written).containsExactly("a", "b");
        }
    }

    @Test
    void should_write_rows_in_the_order_offered_while_flushes_write_beside_the_thread() {
        // given a writer whose thread and the caller's flushes both write batches
        List<Integer> written = new CopyOnWriteArrayList<>();
        List<Integer> offered = new ArrayList<>();
        try (BatchWriter<Integer> writer = new BatchWriter<>("test-batch-writer", Integer.MAX_VALUE, 10, 0, batch -> {
            written.addAll(batch);
            return true;
        })) {
            // when rows are offered with a flush after every third (a flush that took the lock between the thread
            // taking a row and writing it would write the rows after that one first)
            for (int i = 0; i < 20_000; i++) {
                writer.offer(i);
                offered.add(i);
                if (i % 3 == 0) {
                    writer.flush(5_000);
                }
            }
            writer.flush(5_000);
        }

        // then
        assertThat(written).containsExactlyElementsOf(offered);
    }

    @Test
    void should_write_every_queued_row_on_close() {
        // given a writer that lingers and a thousand rows queued
        List<Integer> written = new CopyOnWriteArrayList<>();
        BatchWriter<Integer> writer = new BatchWriter<>("test-batch-writer", Integer.MAX_VALUE, 7, 20, batch -> {
            written.addAll(batch);
            return true;
        });
        List<Integer> offered = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            writer.offer(i);
            offered.add(i);
        }

        // when
        long left = writer.close(10_000);

        // then
        assertThat(left).isZero();
        assertThat(written).containsExactlyElementsOf(offered);
    }

    @Test
    void should_drop_the_oldest_row_to_make_room_when_asked_to() {
        // given a writer held in its first batch, and a queue of two
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch inWrite = new CountDownLatch(1);
        List<Integer> written = new CopyOnWriteArrayList<>();
        try (BatchWriter<Integer> writer = new BatchWriter<>("test-batch-writer", 2, 1, batch -> {
            inWrite.countDown();
            await(release);
            written.addAll(batch);
        })) {
            writer.offer(0);
            await(inWrite);
            writer.offer(1);
            writer.offer(2);

            // when
            int dropped = writer.offerDroppingOldest(3);
            release.countDown();
            writer.flush(5_000);

            // then
            assertThat(dropped).isEqualTo(1);
            assertThat(written).containsExactly(0, 2, 3);
            assertThat(writer.pending()).isZero();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

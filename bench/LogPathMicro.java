import dev.muster.logs.LogTail;
import dev.muster.logs.ServiceLog;
import dev.muster.process.LineSplitter;
import dev.muster.process.OutputListener;
import dev.muster.profile.LogSpec;
import dev.muster.secret.Redactor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;

/**
 * Where the log path's CPU goes, stage by stage, without a pipe or a child: 300 MB of 100-byte
 * lines fed to the reader's stages in-process, reporting MB per CPU-second of the feeding thread.
 * Re-run with: java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp target/muster.jar bench/LogPathMicro.java
 * Stages: split (LineSplitter + decode to a String only), screen (split + the redactor's byte screen, no
 * decode), redact (+ Redactor on the decoded text), tail (+ LogTail only), console (+ Console queue
 * only), nofile (ServiceLog without log:), all (ServiceLog with a log: file). For the ServiceLog stages it
 * also reports the CPU of the console writer thread (console to /dev/null), of the log file's write-behind
 * thread (which ends 5 s after its last write, so only a round's own writes are counted), and of all three.
 */
public class LogPathMicro {
    public static void main(String[] args) throws Exception {
        String words = "GET /api/v1/items?page=3 status=200 user=alice id=a1b2c3d4e5f6 tok-9f8e7d6c5b4a ";
        byte[] block = Arrays.copyOf(((words + words).substring(0, 99) + "\n").repeat(700).getBytes(), 65536);
        Path file = Files.createTempFile("logpath", ".log");
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Redactor redactor = Redactor.none().including(Map.of("API_TOKEN", "tok-" + "9f8e7d6c5b4a3210".repeat(2)));
        for (String stage : args.length > 0 ? args : new String[] {"split", "screen", "redact", "tail", "console", "nofile", "all"}) {
            PrintStream devNull = new PrintStream(new FileOutputStream("/dev/null"), true);
            dev.muster.logs.Console console = new dev.muster.logs.Console(devNull, devNull, false, 6);
            LogTail tail = new LogTail(1000);
            ServiceLog log = new ServiceLog("flood", console, stage.equals("all") ? new LogSpec(file, 4L << 30, 0) : null,
                    redactor, Clock.systemUTC());
            OutputListener target = switch (stage) {
                case "split" -> (s, t) -> { };
                case "screen" -> new OutputListener() {
                    @Override
                    public void line(Stream s, String t) {
                    }

                    @Override
                    public void line(Stream s, byte[] b, int from, int to, boolean ascii) {
                        if (!ascii || !redactor.isCleanAscii(b, from, to)) {
                            throw new AssertionError("the bench's lines are clean ASCII");
                        }
                    }
                };
                case "redact" -> (s, t) -> redactor.redact(t);
                case "tail" -> (s, t) -> tail.add(t);
                case "console" -> (s, t) -> console.line("flood", t);
                default -> log;
            };
            for (int round = 0; round < 2; round++) {
                LineSplitter lines = new LineSplitter(target, OutputListener.Stream.STDOUT, LineSplitter.DEFAULT_CAP);
                long blocks = 300_000_000L / block.length;
                long consoleCpu = cpuOf(threads, "muster-console");
                long fileCpu = cpuOf(threads, "muster-log-");
                long cpu = threads.getCurrentThreadCpuTime();
                for (long i = 0; i < blocks; i++) {
                    lines.feed(block, 0, block.length);
                    target.idle();
                }
                double mb = blocks * block.length / 1e6;
                double seconds = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
                console.flush();
                log.idle();
                double writer = (cpuOf(threads, "muster-console") - consoleCpu) / 1e9;
                double files = (cpuOf(threads, "muster-log-") - fileCpu) / 1e9;
                System.out.printf("%-8s round %d: %.0f MB per CPU-second of the reader; console writer %.0f; file writer %.0f;"
                        + " all three %.0f%n", stage, round + 1, mb / seconds, mb / writer, mb / files, mb / (seconds + writer + files));
            }
            log.close();
            console.close();
        }
        Files.deleteIfExists(file);
    }

    /** CPU nanoseconds used so far by the live threads whose names start with {@code prefix}. */
    private static long cpuOf(ThreadMXBean threads, String prefix) {
        long sum = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith(prefix)) {
                sum += Math.max(0, threads.getThreadCpuTime(t.getId()));
            }
        }
        return sum;
    }
}

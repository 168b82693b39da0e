package dcl.registry.it;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * A page as a browser shows it: headless Chromium takes a screenshot of an HTML file or prints the
 * DOM it built from it. The binary is {@code DCL_CHROMIUM}, else {@code /usr/bin/chromium}, which
 * {@code bin/ensure-chromium} installs before the integration tests (server-config's pom). Each run
 * has a fresh profile and no network chatter of its own, so runs do not depend on each other.
 */
final class HeadlessChromium {
    static final Path BINARY =
            Path.of(System.getenv().getOrDefault("DCL_CHROMIUM", "/usr/bin/chromium"));

    /**
     * Headless, without the sandbox (tests run as root in CI, where Chromium's sandbox refuses to
     * start), the GPU, and the background traffic a fresh profile would start (updates, sync).
     */
    static final List<String> FLAGS =
            List.of(
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-quic",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync");

    /** A page of ours renders in a second or two; a minute means Chromium hangs. */
    private static final long TIMEOUT_SECONDS = 60;

    /**
     * A grid of this many samples a side, over the whole screenshot: fine enough to hit the glyphs
     * of a page that is mostly text (a 16 x 16 grid sees as few as 6 colours on a long report).
     */
    private static final int SAMPLES_A_SIDE = 64;

    /**
     * A blank, error or half-loaded page has one or two colours; text, tables and charts many more.
     */
    private static final int FEWEST_COLOURS = 8;

    private HeadlessChromium() {}

    /** Renders the file in a window of the given size and writes what it shows to {@code png}. */
    static void screenshot(Path html, Path png, int width, int height) {
        Path target = png.toAbsolutePath();
        try {
            // A file left by an earlier run must not pass for this run's screenshot.
            Files.deleteIfExists(target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Output output =
                run(
                        html,
                        "--hide-scrollbars",
                        "--window-size=" + width + "," + height,
                        "--screenshot=" + target);
        if (!nonEmptyFile(target)) {
            throw new AssertionError("Chromium wrote no screenshot to " + target + ":\n" + output);
        }
    }

    /** The DOM Chromium built from the file (after parsing, as serialised HTML). */
    static String dumpDom(Path html) {
        Output output = run(html, "--dump-dom");
        if (output.stdout().isBlank()) {
            throw new AssertionError("Chromium printed no DOM for " + html + ":\n" + output);
        }
        return output.stdout();
    }

    /**
     * Whether a screenshot shows a page rather than one flat colour: enough distinct colours over a
     * grid of sample pixels.
     */
    static boolean looksRendered(Path png) {
        BufferedImage image;
        try {
            image = ImageIO.read(png.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (image == null) {
            return false;
        }
        Set<Integer> colours = new HashSet<>();
        for (int i = 0; i < SAMPLES_A_SIDE; i++) {
            for (int j = 0; j < SAMPLES_A_SIDE; j++) {
                int x = (int) ((i + 0.5) * image.getWidth() / SAMPLES_A_SIDE);
                int y = (int) ((j + 0.5) * image.getHeight() / SAMPLES_A_SIDE);
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size() >= FEWEST_COLOURS;
    }

    /** What Chromium printed: standard output, and its log on standard error. */
    private record Output(int exit, String stdout, String stderr) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
        }
    }

    /**
     * Runs Chromium on the file with a fresh profile, output to files (so neither pipe can fill up
     * and stall it), and fails when it does not finish within the timeout or exits with an error.
     */
    private static Output run(Path html, String... arguments) {
        Path work = null;
        try {
            work = Files.createTempDirectory("dcl-chromium");
            Path stdout = work.resolve("stdout.txt");
            Path stderr = work.resolve("stderr.txt");
            Process chromium =
                    new ProcessBuilder(command(work.resolve("profile"), html, arguments))
                            .redirectOutput(stdout.toFile())
                            .redirectError(stderr.toFile())
                            .start();
            boolean finished = chromium.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (!finished) {
                stop(chromium);
            }
            Output output =
                    new Output(
                            finished ? chromium.exitValue() : -1,
                            Files.readString(stdout, StandardCharsets.UTF_8),
                            Files.readString(stderr, StandardCharsets.UTF_8));
            if (!finished) {
                throw new AssertionError(
                        "Chromium did not finish in " + TIMEOUT_SECONDS + " s:\n" + output);
            }
            if (output.exit() != 0) {
                throw new AssertionError("Chromium failed on " + html + ":\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while Chromium ran", e);
        } finally {
            deleteTree(work);
        }
    }

    private static List<String> command(Path profile, Path html, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(BINARY.toString());
        command.addAll(FLAGS);
        command.add("--user-data-dir=" + profile);
        command.addAll(List.of(arguments));
        command.add(html.toAbsolutePath().toUri().toString());
        return command;
    }

    /** Ends the Chromium this class started, with the renderer and helper processes it started. */
    private static void stop(Process chromium) throws InterruptedException {
        chromium.descendants().forEach(ProcessHandle::destroyForcibly);
        chromium.destroyForcibly();
        chromium.waitFor(10, TimeUnit.SECONDS);
    }

    private static boolean nonEmptyFile(Path file) {
        try {
            return Files.isRegularFile(file) && Files.size(file) > 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A run's profile and output files, of no use once the run is over. Best effort: a helper
     * process Chromium leaves behind may still be writing to the profile, and a left-over temporary
     * directory must not fail the test that used it.
     */
    static void deleteTree(Path root) {
        if (root == null) {
            return;
        }
        try (Stream<Path> tree = Files.walk(root)) {
            for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException leftBehind) {
            System.err.println("Chromium: could not delete " + root + ": " + leftBehind);
        }
    }
}

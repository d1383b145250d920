package org.reviewdesk.load;

import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * Heap (used and committed, through the node's own management agent, attached by pid: no port, no
 * extra JVM per sample as jcmd would start) and RSS (/proc/pid/status) of every node, every few
 * seconds, into a CSV with the machine's load average; and the first, largest and last values.
 */
final class ResourceSampler implements AutoCloseable {

    record Node(String name, long pid) {
    }

    private record Sample(long second, String node, long heapUsedMb, long heapCommittedMb, long rssMb, String load) {
    }

    private final List<Node> nodes;
    private final Map<String, MemoryMXBean> memory = new HashMap<>();
    private final List<JMXConnector> connectors = new ArrayList<>();
    private final List<Sample> samples = new ArrayList<>();
    private final PrintWriter csv;
    private final Instant start = Instant.now();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    private ResourceSampler(List<Node> nodes, Path file) throws Exception {
        this.nodes = List.copyOf(nodes);
        for (Node node : nodes) {
            VirtualMachine vm = VirtualMachine.attach(String.valueOf(node.pid()));
            try {
                JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(vm.startLocalManagementAgent()));
                connectors.add(connector);
                memory.put(node.name(), ManagementFactory.newPlatformMXBeanProxy(connector.getMBeanServerConnection(),
                        ManagementFactory.MEMORY_MXBEAN_NAME, MemoryMXBean.class));
            } finally {
                vm.detach();
            }
        }
        csv = new PrintWriter(Files.newBufferedWriter(file));
        csv.println("second,node,heap_used_mb,heap_committed_mb,rss_mb,load1");
    }

    static ResourceSampler start(List<Node> nodes, Path file, Duration every) throws Exception {
        ResourceSampler sampler = new ResourceSampler(nodes, file);
        sampler.timer.scheduleAtFixedRate(sampler::sample, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        return sampler;
    }

    private synchronized void sample() {
        long second = Duration.between(start, Instant.now()).toSeconds();
        String load = loadAverage();
        for (Node node : nodes) {
            try {
                MemoryUsage heap = memory.get(node.name()).getHeapMemoryUsage();
                Sample s = new Sample(second, node.name(), heap.getUsed() >> 20, heap.getCommitted() >> 20, rssMb(node.pid()), load);
                samples.add(s);
                csv.printf("%d,%s,%d,%d,%d,%s%n", s.second(), s.node(), s.heapUsedMb(), s.heapCommittedMb(), s.rssMb(), s.load());
                csv.flush();
            } catch (Exception e) {
                csv.printf("%d,%s,,,,%s%n", second, node.name(), load);
            }
        }
    }

    /** Per node: heap used at the first and last sample and at its largest; RSS the same. */
    synchronized List<String> summary() {
        List<String> lines = new ArrayList<>();
        for (Node node : nodes) {
            List<Sample> own = samples.stream().filter(s -> s.node().equals(node.name())).toList();
            if (own.isEmpty()) {
                continue;
            }
            Sample first = own.get(0);
            Sample last = own.get(own.size() - 1);
            lines.add(String.format("%s heap used MB first/max/last %d/%d/%d (committed max %d); RSS MB first/max/last %d/%d/%d; %d samples",
                    node.name(), first.heapUsedMb(), own.stream().mapToLong(Sample::heapUsedMb).max().orElse(0), last.heapUsedMb(),
                    own.stream().mapToLong(Sample::heapCommittedMb).max().orElse(0),
                    first.rssMb(), own.stream().mapToLong(Sample::rssMb).max().orElse(0), last.rssMb(), own.size()));
        }
        return lines;
    }

    private static long rssMb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) >> 10;
            }
        }
        return -1;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() throws IOException {
        timer.shutdownNow();
        synchronized (this) {
            csv.close();
        }
        for (JMXConnector connector : connectors) {
            connector.close();
        }
    }
}

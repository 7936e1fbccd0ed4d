// Prints the broker's cumulative request and byte counters, one "name<TAB>value"
// line each, read over JMX from a running local broker (by pid). The broker
// needs no JMX port: the JDK's attach API starts its local management agent.
// Two snapshots around a bench phase, diffed by broker-requests.sh, say what
// the broker was asked per candidate.
//
//   java tools/bench/kafka/BrokerCounters.java <broker pid>
//   java tools/bench/kafka/BrokerCounters.java <broker pid> request-log DEBUG|WARN
// The second form sets the broker's request logger (one line per request,
// with its client id) through Kafka's own log4j MBean, then prints nothing.
import com.sun.tools.attach.VirtualMachine;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

public class BrokerCounters {
  public static void main(String[] args) throws Exception {
    if (args.length != 1 && !(args.length == 3 && args[1].equals("request-log"))) {
      throw new IllegalArgumentException("usage: BrokerCounters <broker pid> [request-log DEBUG|WARN]");
    }
    VirtualMachine vm = VirtualMachine.attach(args[0]);
    String address;
    try {
      address = vm.startLocalManagementAgent();
    } finally {
      vm.detach();
    }
    try (JMXConnector c = JMXConnectorFactory.connect(new JMXServiceURL(address))) {
      MBeanServerConnection s = c.getMBeanServerConnection();
      if (args.length == 3) {
        s.invoke(new ObjectName("kafka:type=kafka.Log4jController"), "setLogLevel",
            new Object[] {"kafka.request.logger", args[2]}, new String[] {String.class.getName(), String.class.getName()});
        return;
      }
      Map<String, Double> out = new TreeMap<>();
      // Requests by API (summed over versions), and the bytes of those requests.
      for (ObjectName n : s.queryNames(new ObjectName("kafka.network:type=RequestMetrics,name=RequestsPerSec,*"), null)) {
        add(out, "requests." + n.getKeyProperty("request"), ((Number) s.getAttribute(n, "Count")).doubleValue());
      }
      for (ObjectName n : s.queryNames(new ObjectName("kafka.network:type=RequestMetrics,name=RequestBytes,*"), null)) {
        double count = ((Number) s.getAttribute(n, "Count")).doubleValue();
        double mean = ((Number) s.getAttribute(n, "Mean")).doubleValue();
        add(out, "requestBytes." + n.getKeyProperty("request"), count * mean);
      }
      // Time the broker's threads spent on each API (ms, summed): local work, network send.
      for (String t : new String[] {"LocalTimeMs", "ResponseSendTimeMs", "RequestQueueTimeMs"}) {
        for (ObjectName n : s.queryNames(new ObjectName("kafka.network:type=RequestMetrics,name=" + t + ",*"), null)) {
          double count = ((Number) s.getAttribute(n, "Count")).doubleValue();
          double mean = ((Number) s.getAttribute(n, "Mean")).doubleValue();
          add(out, t + "." + n.getKeyProperty("request"), count * mean);
        }
      }
      // Bytes and records written and read, per topic and in all.
      for (String m : new String[] {"BytesInPerSec", "BytesOutPerSec", "MessagesInPerSec", "TotalProduceRequestsPerSec", "TotalFetchRequestsPerSec"}) {
        Set<ObjectName> names = s.queryNames(new ObjectName("kafka.server:type=BrokerTopicMetrics,name=" + m + ",*"), null);
        names.addAll(s.queryNames(new ObjectName("kafka.server:type=BrokerTopicMetrics,name=" + m), null));
        for (ObjectName n : names) {
          String topic = n.getKeyProperty("topic");
          add(out, m + (topic == null ? "" : "." + topic), ((Number) s.getAttribute(n, "Count")).doubleValue());
        }
      }
      for (ObjectName n : s.queryNames(new ObjectName("kafka.server:type=socket-server-metrics,listener=PLAINTEXT,*"), null)) {
        for (String a : new String[] {"connection-count", "connection-creation-total"}) {
          try {
            add(out, "socket." + a, ((Number) s.getAttribute(n, a)).doubleValue());
          } catch (javax.management.AttributeNotFoundException e) {
            // not every socket-server mbean carries it
          }
        }
      }
      for (Map.Entry<String, Double> e : out.entrySet()) if (e.getValue() != 0) System.out.printf("%s\t%.0f%n", e.getKey(), e.getValue());
    }
  }

  private static void add(Map<String, Double> out, String key, double v) {
    out.merge(key, v, Double::sum);
  }
}

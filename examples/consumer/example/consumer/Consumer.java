package example.consumer;

import dev.portregistry.advice.ConflictKind;
import dev.portregistry.LifecycleStatus;
import dev.portregistry.host.ListeningSockets;
import dev.portregistry.advice.PortAdvisor;
import dev.portregistry.PortInfo;
import dev.portregistry.PortRegistry;
import dev.portregistry.ServiceAssignment;
import dev.portregistry.Transport;

import java.util.Set;

/** Every use case of the README, one line of output each; run on the class path and the module path. */
public final class Consumer {
    private Consumer() {
    }

    public static void main(String[] args) {
        // which module portregistry was loaded as: "dev.portregistry" on the module path, null on the class path
        System.out.println("module=" + PortRegistry.class.getModule().getName());

        PortInfo info = PortRegistry.lookup(1196);
        System.out.println("lookup=" + info.port() + " " + info.range() + " " + info.status() + " "
                + info.alternateUses().get(0).name());
        System.out.println("byService=" + PortRegistry.byService("openvpn").stream().map(PortInfo::port).toList());

        PortRegistry ours = PortRegistry.bundled().withAssignment(7443,
                ServiceAssignment.of("billing", "our billing service", Set.of(Transport.TCP), LifecycleStatus.ACTIVE));
        System.out.println("overlay=" + ours.findService("billing").get(0).port() + " bundled="
                + PortRegistry.byService("billing").size());

        PortAdvisor advisor = PortAdvisor.of(ours);
        System.out.println("suggest=" + advisor.suggestNear(8443, 2) + " check7443local="
                + advisor.check(7443).has(ConflictKind.LOCAL_ASSIGNMENT));

        System.out.println("listening=" + (ListeningSockets.isSupported()
                ? "supported " + (ListeningSockets.listeners(ours).size() >= 0) : "unsupported"));
        System.out.println("data=" + PortRegistry.dataVersion().label());
    }
}

// Child process of the MQTT benchmark: the soak's display clients (../soak/soak-displays.ts), bundled beside it.
import '../soak/soak-displays.js';

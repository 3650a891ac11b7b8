#!/usr/bin/python3
"""Publishes recorded hostile cases with paho-mqtt (Debian's python3-paho-mqtt), a strict MQTT client.

dt fuzz writes the cases to a file (per case: u16 topic length, topic UTF-8, u32 payload length, payload) and runs
this script. Every case is published at QoS 1; paho checks every packet the broker sends back (a reason string with
a NUL is malformed in MQTT 5 and paho drops the connection on it). Prints one JSON line:
{"published": n, "acked": n, "disconnects": n, "errors": [...]}.
Usage: paho_publisher.py <cases-file> <host> <port> <5|311>
"""
import json
import struct
import sys
import threading
import time

import paho.mqtt.client as mqtt


def read_cases(path):
    with open(path, "rb") as f:
        data = f.read()
    offset = 0
    while offset < len(data):
        (topic_length,) = struct.unpack_from(">H", data, offset)
        offset += 2
        topic = data[offset:offset + topic_length].decode("utf-8")
        offset += topic_length
        (payload_length,) = struct.unpack_from(">I", data, offset)
        offset += 4
        yield topic, data[offset:offset + payload_length]
        offset += payload_length


def main():
    path, host, port, version = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    protocol = mqtt.MQTTv5 if version == "5" else mqtt.MQTTv311
    client_id = "dt-fuzz-paho-%s-%d" % (version, time.time_ns() % 1000000)
    if protocol == mqtt.MQTTv5:
        client = mqtt.Client(client_id=client_id, protocol=protocol)
    else:
        client = mqtt.Client(client_id=client_id, protocol=protocol, clean_session=True)
    client.max_inflight_messages_set(32)
    state = {"acked": 0, "disconnects": 0, "errors": []}
    lock = threading.Lock()
    connected = threading.Event()

    def on_connect(c, userdata, flags, rc, properties=None):
        connected.set()

    def on_publish(c, userdata, mid):
        with lock:
            state["acked"] += 1

    def on_disconnect(c, userdata, rc, properties=None):
        code = rc if isinstance(rc, int) else rc.value
        if code == 0:
            return  # our own disconnect at the end
        with lock:
            state["disconnects"] += 1
            if len(state["errors"]) < 10:
                state["errors"].append("disconnected: %s" % (rc,))
        connected.clear()

    client.on_connect = on_connect
    client.on_publish = on_publish
    client.on_disconnect = on_disconnect
    if protocol == mqtt.MQTTv5:
        client.connect(host, port, keepalive=60, clean_start=True)
    else:
        client.connect(host, port, keepalive=60)
    client.loop_start()
    if not connected.wait(30):
        print(json.dumps({"published": 0, "acked": 0, "disconnects": 1, "errors": ["no CONNACK"]}))
        return 1
    published = 0
    for topic, payload in read_cases(path):
        info = client.publish(topic, payload, qos=1)
        if info.rc != mqtt.MQTT_ERR_SUCCESS:
            with lock:
                if len(state["errors"]) < 10:
                    state["errors"].append("publish rc %d" % info.rc)
            break
        published += 1
    deadline = time.time() + 120
    while time.time() < deadline:
        with lock:
            if state["acked"] >= published or state["disconnects"] > 0:
                break
        time.sleep(0.05)
    client.disconnect()
    client.loop_stop()
    with lock:
        print(json.dumps({"published": published, "acked": state["acked"], "disconnects": state["disconnects"], "errors": state["errors"]}))
    return 0


if __name__ == "__main__":
    sys.exit(main())

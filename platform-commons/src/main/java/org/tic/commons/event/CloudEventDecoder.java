package org.tic.commons.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/** Turns a Kafka record in CloudEvents binary mode into an {@link IncomingEvent}, or says why it cannot. */
public final class CloudEventDecoder {

    private final ObjectMapper mapper;

    public CloudEventDecoder(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public IncomingEvent decode(ConsumerRecord<String, String> record) {
        String specVersion = header(record, CloudEventHeaders.SPEC_VERSION);
        if (!CloudEventHeaders.SPEC_VERSION_VALUE.equals(specVersion)) {
            throw new PoisonEventException("Not a CloudEvents 1.0 record (ce_specversion=" + specVersion + ")");
        }
        String rawId = required(record, CloudEventHeaders.ID);
        UUID id;
        try {
            id = UUID.fromString(rawId);
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException("ce_id is not a UUID: " + rawId, e);
        }
        Instant time;
        try {
            String rawTime = header(record, CloudEventHeaders.TIME);
            time = rawTime == null ? Instant.ofEpochMilli(record.timestamp()) : Instant.parse(rawTime);
        } catch (DateTimeParseException e) {
            throw new PoisonEventException("ce_time is not an RFC 3339 instant", e);
        }
        if (record.value() == null) {
            throw new PoisonEventException("Event " + id + " has no data");
        }
        JsonNode data;
        try {
            data = mapper.readTree(record.value());
        } catch (Exception e) {
            throw new PoisonEventException("Event " + id + " data is not JSON", e);
        }
        if (data == null || !data.isObject()) {
            throw new PoisonEventException("Event " + id + " data is not a JSON object");
        }
        return new IncomingEvent(id, required(record, CloudEventHeaders.TYPE), required(record, CloudEventHeaders.SOURCE),
                header(record, CloudEventHeaders.SUBJECT), header(record, CloudEventHeaders.AGGREGATE_TYPE), time,
                header(record, CloudEventHeaders.ACTOR), data, record.topic(), record.partition(), record.offset());
    }

    private static String required(ConsumerRecord<String, String> record, String name) {
        String value = header(record, name);
        if (value == null || value.isBlank()) {
            throw new PoisonEventException("Missing CloudEvents header " + name);
        }
        return value;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}

package org.tic.commons.event;

/**
 * CloudEvents 1.0 attributes in Kafka binary content mode: attributes travel as {@code ce_*} headers,
 * the record value is the JSON data and the record key is the aggregate id (order per aggregate).
 */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION_VALUE = "1.0";
    public static final String ID = "ce_id";
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    public static final String CONTENT_TYPE = "content-type";
    /** Extension attributes (CloudEvents allows lower-case alphanumeric names). */
    public static final String AGGREGATE_TYPE = "ce_aggregatetype";
    public static final String ACTOR = "ce_actor";

    private CloudEventHeaders() {
    }
}

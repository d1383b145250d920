package org.reviewdesk.documents;

/** An object in the document store as the store describes it; the etag is without quotes. */
public record StoredObject(String key, long size, String contentType, String etag) {
}

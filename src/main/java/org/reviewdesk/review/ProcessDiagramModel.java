package org.reviewdesk.review;

import java.util.List;

/**
 * A task's process as deployed, with where its case stands: what {@link ProcessDiagram} draws.
 *
 * @param xml the BPMN 2.0 XML of the deployed definition the instance runs (not today's file)
 * @param currentActivityIds the activities the instance waits in now (the task's among them)
 * @param completedActivityIds activities the instance has finished, none of them current
 */
record ProcessDiagramModel(String processDefinitionId, String xml, List<String> currentActivityIds,
                           List<String> completedActivityIds) {

    ProcessDiagramModel {
        currentActivityIds = List.copyOf(currentActivityIds);
        completedActivityIds = List.copyOf(completedActivityIds);
    }

    /** Without the XML, which is long. */
    @Override
    public String toString() {
        return "ProcessDiagramModel[" + processDefinitionId + ", current=" + currentActivityIds
                + ", completed=" + completedActivityIds + ", xml=" + xml.length() + " chars]";
    }
}

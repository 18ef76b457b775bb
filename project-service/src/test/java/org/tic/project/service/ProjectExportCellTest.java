package org.tic.project.service;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProjectExportCellTest {

    @Test
    void quotesAndDefusesCells() {
        assertEquals("", ProjectExport.cell(null));
        assertEquals("plain", ProjectExport.cell("plain"));
        assertEquals("\"a,b\"", ProjectExport.cell("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", ProjectExport.cell("say \"hi\""));
        assertEquals("\"line\nbreak\"", ProjectExport.cell("line\nbreak"));
        assertEquals("'=1+1", ProjectExport.cell("=1+1"));
        assertEquals("'@cmd", ProjectExport.cell("@cmd"));
        assertEquals("\"'-2,3\"", ProjectExport.cell("-2,3"));
        assertEquals("-2", ProjectExport.cell(-2), "numbers stay numbers");
    }
}

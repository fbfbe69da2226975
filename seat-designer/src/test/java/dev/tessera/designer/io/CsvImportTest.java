package dev.tessera.designer.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tessera.core.seatmap.SeatFlag;
import dev.tessera.designer.job.JobManager;
import dev.tessera.designer.model.DesignSeat;
import dev.tessera.designer.model.SeatDocument;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class CsvImportTest {
    @Test
    void seatsAreImportedIntoNewSectionsAndRowsAsOneUndoableStep() throws Exception {
        SeatDocument document = SeatDocument.blank("Hall");
        String csv = """
                section,row,seat,x,y,category,flags
                Stalls,A,1,0,300,standard,WHEELCHAIR
                Stalls,A,2,52,300,standard,
                "Stalls",A,3,104,300,standard,COMPANION|RESTRICTED_VIEW
                Balcony,A,1,0,900,standard,
                """;
        CsvImport.Result result = CsvImport.read(new StringReader(csv), document);
        JobManager jobs = new JobManager();
        jobs.push(result.job());
        assertThat(document.seatCount()).isEqualTo(4);
        assertThat(document.sections()).extracting(s -> s.name()).containsExactly("Section 1", "Stalls", "Balcony");
        DesignSeat first = document.sections().get(1).rows().getFirst().seats().getFirst();
        assertThat(first.has(SeatFlag.WHEELCHAIR)).isTrue();
        assertThat(document.sections().get(1).rows().getFirst().seats().get(2).flags())
                .containsExactlyInAnyOrder(SeatFlag.COMPANION, SeatFlag.RESTRICTED_VIEW);
        jobs.undo();
        assertThat(document.seatCount()).isZero();
        assertThat(document.sections()).hasSize(1);
    }

    @Test
    void problemsNameTheLine() {
        SeatDocument document = SeatDocument.blank("Hall");
        assertThatThrownBy(() -> CsvImport.read(new StringReader("section,row,seat,x,y,category\nS,A,1,zero,0,standard\n"), document))
                .isInstanceOf(DesignerFileException.class).hasMessageContaining("Line 2").hasMessageContaining("zero");
        assertThatThrownBy(() -> CsvImport.read(new StringReader("section,row,seat,x,y,category\nS,A,1,0,0,vip\n"), document))
                .hasMessageContaining("vip").hasMessageContaining("standard");
        assertThatThrownBy(() -> CsvImport.read(new StringReader("a,b\n1,2\n"), document))
                .hasMessageContaining("header");
        assertThatThrownBy(() -> CsvImport.read(new StringReader("section,row,seat,x,y,category\nS,A,1,0\n"), document))
                .hasMessageContaining("Line 2");
        assertThat(document.seatCount()).isZero();
    }
}

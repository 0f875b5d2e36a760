package io.ribao.bulletin.core;

import io.ribao.bulletin.api.LedgerLine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.List;
import java.util.ResourceBundle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The accountability ledger as an XLSX workbook: a title row, a header row, one row per unit. */
public final class LedgerWorkbook {

    static final List<String> COLUMNS = List.of("unitId", "name", "principal", "late", "missing", "unsigned",
            "concealmentSuspected");

    private final ResourceBundle labels = ResourceBundle.getBundle("i18n.ledger");

    public byte[] write(LocalDate from, LocalDate to, List<LedgerLine> lines) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(labels.getString("sheet"));
            Font bold = workbook.createFont();
            bold.setBold(true);
            CellStyle header = workbook.createCellStyle();
            header.setFont(bold);

            Row title = sheet.createRow(0);
            title.createCell(0).setCellValue(MessageFormat.format(labels.getString("title"), from, to));
            title.getCell(0).setCellStyle(header);
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, COLUMNS.size() - 1));

            Row head = sheet.createRow(1);
            for (int c = 0; c < COLUMNS.size(); c++) {
                head.createCell(c).setCellValue(labels.getString(COLUMNS.get(c)));
                head.getCell(c).setCellStyle(header);
            }
            int r = 2;
            for (LedgerLine line : lines) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(line.unitId());
                row.createCell(1).setCellValue(line.name());
                row.createCell(2).setCellValue(line.principal() == null ? "" : line.principal());
                row.createCell(3).setCellValue(line.late());
                row.createCell(4).setCellValue(line.missing());
                row.createCell(5).setCellValue(line.unsigned());
                row.createCell(6).setCellValue(line.concealmentSuspected());
            }
            for (int c = 0; c < COLUMNS.size(); c++) {
                sheet.setColumnWidth(c, c < 3 ? 24 * 256 : 14 * 256);
            }
            sheet.createFreezePane(0, 2);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the ledger workbook", e);
        }
    }
}

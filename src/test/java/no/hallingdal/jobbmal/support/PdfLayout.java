package no.hallingdal.jobbmal.support;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.apache.pdfbox.util.Matrix;

import java.awt.geom.GeneralPath;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Where things lie on the pages of a PDF (a page printed by Chromium): every glyph, every image (with the part left
 * visible by its clip) and every filled or stroked shape, in points from the top left corner of the page.
 */
public final class PdfLayout {

    /** A rectangle in points, from the top left corner of its page. */
    public record Box(double x, double y, double width, double height) {
        public double right() {
            return x + width;
        }

        public double bottom() {
            return y + height;
        }

        /** Whether this box lies within {@code o}, give or take {@code tolerance} points. */
        public boolean within(Box o, double tolerance) {
            return x >= o.x - tolerance && y >= o.y - tolerance && right() <= o.right() + tolerance
                    && bottom() <= o.bottom() + tolerance;
        }

        /** Whether the two boxes overlap by more than {@code tolerance} points both ways. */
        public boolean overlaps(Box o, double tolerance) {
            return Math.min(right(), o.right()) - Math.max(x, o.x) > tolerance
                    && Math.min(bottom(), o.bottom()) - Math.max(y, o.y) > tolerance;
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "[x %.1f–%.1f, y %.1f–%.1f pt]", x, right(), y, bottom());
        }
    }

    /** One glyph of text. */
    public record Glyph(String text, Box box) {
    }

    /** An image as drawn ({@code box}), the part its clip leaves visible, and its size in pixels. */
    public record Image(Box box, Box visible, int pixelWidth, int pixelHeight) {
    }

    /** One page: its size and what is drawn on it. */
    public record Page(int number, double width, double height, List<Glyph> glyphs, List<Image> images,
            List<Box> shapes) {
    }

    private PdfLayout() {
    }

    public static List<Page> read(byte[] pdf) throws IOException {
        List<Page> pages = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (int i = 0; i < doc.getNumberOfPages(); i++) {
                PDPage page = doc.getPage(i);
                double height = page.getMediaBox().getHeight();
                Graphics graphics = new Graphics(page, height);
                graphics.processPage(page);
                Text text = new Text();
                text.setStartPage(i + 1);
                text.setEndPage(i + 1);
                text.setSortByPosition(true);
                text.getText(doc);
                pages.add(new Page(i + 1, page.getMediaBox().getWidth(), height, text.glyphs, graphics.images,
                        graphics.shapes));
            }
        }
        return pages;
    }

    /** Collects the glyphs, in the text stripper's top-left coordinates. */
    private static final class Text extends PDFTextStripper {
        final List<Glyph> glyphs = new ArrayList<>();

        @Override
        protected void writeString(String string, List<TextPosition> positions) {
            for (TextPosition t : positions) {
                if (t.getUnicode() == null || t.getUnicode().isBlank()) {
                    continue;
                }
                glyphs.add(new Glyph(t.getUnicode(), new Box(t.getXDirAdj(), t.getYDirAdj() - t.getHeightDir(),
                        t.getWidthDirAdj(), t.getHeightDir())));
            }
        }
    }

    /** Collects images and painted shapes, turned from PDF space (bottom left) to top-left coordinates. */
    private static final class Graphics extends PDFGraphicsStreamEngine {
        final List<Image> images = new ArrayList<>();
        final List<Box> shapes = new ArrayList<>();
        private final double pageHeight;
        private GeneralPath path = new GeneralPath();

        Graphics(PDPage page, double pageHeight) {
            super(page);
            this.pageHeight = pageHeight;
        }

        private Box box(Rectangle2D r) {
            return new Box(r.getX(), pageHeight - r.getMaxY(), r.getWidth(), r.getHeight());
        }

        @Override
        public void drawImage(PDImage image) {
            Matrix m = getGraphicsState().getCurrentTransformationMatrix();
            Rectangle2D drawn = new Rectangle2D.Double(m.getTranslateX(), m.getTranslateY(), m.getScalingFactorX(),
                    m.getScalingFactorY());
            Rectangle2D clip = getGraphicsState().getCurrentClippingPath().getBounds2D();
            images.add(new Image(box(drawn), box(drawn.createIntersection(clip)), image.getWidth(), image.getHeight()));
        }

        @Override
        public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
            path.moveTo(p0.getX(), p0.getY());
            path.lineTo(p1.getX(), p1.getY());
            path.lineTo(p2.getX(), p2.getY());
            path.lineTo(p3.getX(), p3.getY());
            path.closePath();
        }

        @Override
        public void clip(int windingRule) {
            // the clip is the graphics state's; the path stays for the painting operator that follows
        }

        @Override
        public void moveTo(float x, float y) {
            path.moveTo(x, y);
        }

        @Override
        public void lineTo(float x, float y) {
            path.lineTo(x, y);
        }

        @Override
        public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
            path.curveTo(x1, y1, x2, y2, x3, y3);
        }

        @Override
        public Point2D getCurrentPoint() {
            return path.getCurrentPoint();
        }

        @Override
        public void closePath() {
            path.closePath();
        }

        @Override
        public void endPath() {
            path = new GeneralPath();
        }

        private void painted() {
            if (path.getCurrentPoint() != null) {
                shapes.add(box(path.getBounds2D()));
            }
            path = new GeneralPath();
        }

        @Override
        public void strokePath() {
            painted();
        }

        @Override
        public void fillPath(int windingRule) {
            painted();
        }

        @Override
        public void fillAndStrokePath(int windingRule) {
            painted();
        }

        @Override
        public void shadingFill(COSName shadingName) {
            // gradients: none on the pages printed
        }
    }
}

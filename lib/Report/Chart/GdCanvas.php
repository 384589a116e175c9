<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Report\Chart;

use GdImage;
use RuntimeException;

/**
 * Draws on a GD true-colour image, SCALE pixels per logical unit (sharp when printed). Text uses
 * a TrueType font from FontLocator, or GD's built-in font when none is installed.
 */
final class GdCanvas implements ChartCanvas {
	public const SCALE = 2;
	private GdImage $image;
	/** @var array<string, int> */
	private array $colors = [];
	private ?string $font;
	private ?string $boldFont;

	public function __construct(int $width, int $height, FontLocator $fonts) {
		$image = imagecreatetruecolor($width * self::SCALE, $height * self::SCALE);
		if ($image === false) {
			throw new RuntimeException('Cannot create the chart image');
		}
		$this->image = $image;
		$this->font = $fonts->regular();
		$this->boldFont = $fonts->bold();
	}

	public function rect(float $x, float $y, float $width, float $height, string $fill, ?string $stroke = null): void {
		[$x1, $y1, $x2, $y2] = [self::px($x), self::px($y), self::px($x + $width) - 1, self::px($y + $height) - 1];
		imagefilledrectangle($this->image, $x1, $y1, $x2, $y2, $this->color($fill));
		if ($stroke !== null) {
			imagesetthickness($this->image, 1);
			imagerectangle($this->image, $x1, $y1, $x2, $y2, $this->color($stroke));
		}
	}

	public function polyline(array $points, string $color, float $width, array $dash = []): void {
		$color = $this->color($color);
		$thickness = max(1, self::px($width));
		imagesetthickness($this->image, $thickness);
		$pattern = array_map(static fn (float $length): float => $length * self::SCALE, $dash);
		$phase = 0.0;
		for ($i = 1; $i < count($points); $i++) {
			[$ax, $ay] = [$points[$i - 1][0] * self::SCALE, $points[$i - 1][1] * self::SCALE];
			[$bx, $by] = [$points[$i][0] * self::SCALE, $points[$i][1] * self::SCALE];
			$phase = $this->segment($ax, $ay, $bx, $by, $color, $pattern, $phase);
			if ($pattern === [] && $thickness > 2 && $i < count($points) - 1) {
				// Round joins, as SVG's stroke-linejoin="round".
				imagefilledellipse($this->image, (int)round($bx), (int)round($by), $thickness, $thickness, $color);
			}
		}
		imagesetthickness($this->image, 1);
	}

	/**
	 * One straight segment, dashed after the pattern from the given phase; returns the phase at its end.
	 *
	 * @param list<float> $pattern
	 */
	private function segment(float $ax, float $ay, float $bx, float $by, int $color, array $pattern, float $phase): float {
		$length = hypot($bx - $ax, $by - $ay);
		if ($pattern === [] || $length == 0.0) {
			imageline($this->image, (int)round($ax), (int)round($ay), (int)round($bx), (int)round($by), $color);
			return $phase;
		}
		$period = array_sum($pattern);
		$position = 0.0;
		while ($position < $length) {
			// Where in the pattern the phase is, and how much of that dash or gap is left.
			$offset = fmod($phase, $period);
			$index = 0;
			while ($offset >= $pattern[$index]) {
				$offset -= $pattern[$index];
				$index++;
			}
			$step = min($pattern[$index] - $offset, $length - $position);
			if ($index % 2 === 0) {
				$from = $position / $length;
				$to = ($position + $step) / $length;
				imageline($this->image, (int)round($ax + ($bx - $ax) * $from), (int)round($ay + ($by - $ay) * $from),
					(int)round($ax + ($bx - $ax) * $to), (int)round($ay + ($by - $ay) * $to), $color);
			}
			$position += $step;
			$phase += $step;
		}
		return $phase;
	}

	public function marker(float $x, float $y, string $shape, string $color, float $size): void {
		$fill = $this->color($color);
		$white = $this->color('#FFFFFF');
		$r = $size / 2;
		$points = match ($shape) {
			'square' => [[$x - $r, $y - $r], [$x + $r, $y - $r], [$x + $r, $y + $r], [$x - $r, $y + $r]],
			'triangle' => [[$x, $y - $r * 1.2], [$x + $r * 1.1, $y + $r * 0.8], [$x - $r * 1.1, $y + $r * 0.8]],
			'diamond' => [[$x, $y - $r * 1.3], [$x + $r * 1.3, $y], [$x, $y + $r * 1.3], [$x - $r * 1.3, $y]],
			default => [],
		};
		if ($shape === 'cross') {
			$this->polyline([[$x - $r, $y - $r], [$x + $r, $y + $r]], $color, 2.5);
			$this->polyline([[$x - $r, $y + $r], [$x + $r, $y - $r]], $color, 2.5);
		} elseif ($points === []) {
			imagefilledellipse($this->image, self::px($x), self::px($y), self::px($size), self::px($size), $fill);
			imageellipse($this->image, self::px($x), self::px($y), self::px($size), self::px($size), $white);
		} else {
			$flat = [];
			foreach ($points as [$px, $py]) {
				$flat[] = self::px($px);
				$flat[] = self::px($py);
			}
			/** @psalm-suppress TooFewArguments PHP 8 dropped the point count; the stubs still name it */
			imagefilledpolygon($this->image, $flat, $fill);
			/** @psalm-suppress TooFewArguments */
			imagepolygon($this->image, $flat, $white);
		}
	}

	public function text(float $x, float $y, string $text, float $size, string $color, string $anchor = 'start', bool $bold = false, float $angle = 0): void {
		$width = $this->textWidth($text, $size, $bold) * self::SCALE;
		$shift = match ($anchor) {
			'middle' => $width / 2,
			'end' => $width,
			default => 0.0,
		};
		$radians = deg2rad($angle);
		$px = $x * self::SCALE - $shift * cos($radians);
		$py = $y * self::SCALE + $shift * sin($radians);
		$font = $bold ? $this->boldFont : $this->font;
		if ($font === null) {
			$latin1 = self::latin1($text);
			imagestring($this->image, 5, (int)round($px), (int)round($py - imagefontheight(5) * 0.8), $latin1, $this->color($color));
			return;
		}
		imagettftext($this->image, self::points($size), $angle, (int)round($px), (int)round($py), $this->color($color), $font, $text);
	}

	public function textWidth(string $text, float $size, bool $bold = false): float {
		$font = $bold ? $this->boldFont : $this->font;
		if ($font === null) {
			return strlen(self::latin1($text)) * imagefontwidth(5) / self::SCALE;
		}
		$box = imagettfbbox(self::points($size), 0, $font, $text);
		return $box === false ? 0.0 : (max((int)$box[2], (int)$box[4]) - min((int)$box[0], (int)$box[6])) / self::SCALE;
	}

	/** The image as PNG bytes. */
	public function png(): string {
		ob_start();
		imagepng($this->image, null, 6);
		return (string)ob_get_clean();
	}

	/** GD's FreeType size in points (GD renders at 96 dpi) for a size in logical pixels. */
	private static function points(float $size): float {
		return $size * self::SCALE * 0.75;
	}

	private static function px(float $value): int {
		return (int)round($value * self::SCALE);
	}

	private static function latin1(string $text): string {
		return (string)mb_convert_encoding(str_replace('…', '...', $text), 'ISO-8859-1', 'UTF-8');
	}

	private function color(string $hex): int {
		return $this->colors[$hex] ??= (int)imagecolorallocate($this->image, (int)hexdec(substr($hex, 1, 2)), (int)hexdec(substr($hex, 3, 2)), (int)hexdec(substr($hex, 5, 2)));
	}
}

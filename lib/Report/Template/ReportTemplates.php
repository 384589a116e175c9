<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Report\Template;

use OCA\PilotFeedback\AppInfo\Application;
use OCA\PilotFeedback\Exception\NotFoundException;
use OCA\PilotFeedback\Exception\ValidationException;
use OCA\PilotFeedback\Report\Model\Document;
use OCA\PilotFeedback\Report\Model\Heading;
use OCA\PilotFeedback\Report\Model\Paragraph;
use OCA\PilotFeedback\Report\Model\Table;
use OCA\PilotFeedback\Report\Model\TitlePage;
use OCA\PilotFeedback\Report\Writer\WriterRegistry;
use OCA\PilotFeedback\Settings\FreshAppConfig;
use OCP\AppFramework\Utility\ITimeFactory;
use OCP\Files\File;
use OCP\Files\IAppData;
use OCP\Files\IRootFolder;
use OCP\Files\NotFoundException as FileNotFoundException;
use OCP\Files\SimpleFS\ISimpleFolder;
use Psr\Log\LoggerInterface;

/**
 * The authority's layout for report documents: an ODT and a DOCX template an administrator
 * chose from their Files. A chosen file is checked at once (it must turn a sample report into
 * a document) and copied into the app's data, so that reports never depend on the file
 * staying where it was; without a template, reports keep the built-in layout.
 *
 * @psalm-import-type PilotFeedbackReportTemplate from \OCA\PilotFeedback\ResponseDefinitions
 * @psalm-import-type PilotFeedbackReportTemplates from \OCA\PilotFeedback\ResponseDefinitions
 */
class ReportTemplates {
	public const FORMATS = ['odt', 'docx'];
	private const FOLDER = 'report-templates';
	private const KEY = 'report_template_';
	private const MAX_BYTES = 10 * 1024 * 1024;

	public function __construct(
		private IRootFolder $rootFolder,
		private IAppData $appData,
		private FreshAppConfig $appConfig,
		private WriterRegistry $writers,
		private ITimeFactory $time,
		private LoggerInterface $logger,
	) {
	}

	/** @return PilotFeedbackReportTemplates */
	public function all(): array {
		return ['odt' => $this->info('odt'), 'docx' => $this->info('docx')];
	}

	/**
	 * Makes a file of the administrator's Files the template of a format, once it proved usable.
	 *
	 * @return PilotFeedbackReportTemplate
	 * @throws ValidationException|NotFoundException
	 */
	public function choose(string $userId, mixed $format, mixed $path): array {
		$format = self::format($format);
		if (!is_string($path) || trim($path, '/') === '') {
			throw new ValidationException('Choose a file: send its path in your Files, e.g. "Templates/Letterhead.%1$s".', [$format]);
		}
		try {
			$node = $this->rootFolder->getUserFolder($userId)->get(trim($path, '/'));
		} catch (FileNotFoundException) {
			throw new NotFoundException('There is no file "%1$s" in your Files.', [$path]);
		}
		if (!$node instanceof File) {
			throw new ValidationException('"%1$s" is a folder. Choose an .%2$s file.', [$path, $format]);
		}
		if ($node->getSize() > self::MAX_BYTES) {
			throw new ValidationException('"%1$s" is larger than 10 MB. A letterhead template is usually far smaller: remove large pictures from it.', [$node->getName()]);
		}
		$bytes = $node->getContent();
		$this->tryOut($format, $bytes);

		$this->folder()->newFile($format . '.template', $bytes);
		$info = ['format' => $format, 'name' => $node->getName(), 'size' => strlen($bytes), 'chosenBy' => $userId, 'chosenAt' => $this->time->getTime()];
		$this->appConfig->write()->setValueArray(Application::APP_ID, self::KEY . $format, $info);
		return $info;
	}

	/** @return PilotFeedbackReportTemplates */
	public function remove(mixed $format): array {
		$format = self::format($format);
		$this->appConfig->write()->deleteKey(Application::APP_ID, self::KEY . $format);
		try {
			$this->folder()->getFile($format . '.template')->delete();
		} catch (FileNotFoundException) {
		}
		return $this->all();
	}

	/** Whether reports in the format take on a template. */
	public function has(string $format): bool {
		return in_array($format, self::FORMATS, true) && $this->info($format) !== null;
	}

	/**
	 * A report document in the template's layout; unchanged without a template of its format.
	 */
	public function apply(string $format, string $report): string {
		if (!$this->has($format)) {
			return $report;
		}
		try {
			$template = $this->folder()->getFile($format . '.template')->getContent();
			return $this->merge($format, $report, $template);
		} catch (FileNotFoundException|TemplateException $e) {
			// It was checked when chosen; should its copy be gone, the report keeps the built-in layout.
			$this->logger->warning('The ' . $format . ' report template cannot be used, the report keeps the built-in layout: ' . $e->getMessage(), ['app' => Application::APP_ID]);
			return $report;
		}
	}

	/** @throws TemplateException */
	private function merge(string $format, string $report, string $template): string {
		$templatePackage = Package::fromBytes($template);
		$reportPackage = Package::fromBytes($report);
		$merged = $format === 'odt'
			? OdtTemplate::apply($reportPackage, $templatePackage)
			: DocxTemplate::apply($reportPackage, $templatePackage);
		return $merged->toBytes();
	}

	/** Puts a small sample report into the template: what fails here would fail every report. */
	private function tryOut(string $format, string $template): void {
		$sample = new Document(new TitlePage('Sample', 'Sample', ['Sample'], null), 'en');
		$sample->add(new Heading('Sample', 1))->add(new Paragraph('Sample'))->add(new Table(['A', 'B'], [['x', 1]]));
		$stream = fopen('php://temp', 'w+b');
		if ($stream === false) {
			throw new \RuntimeException('Cannot open a temporary stream');
		}
		try {
			$this->writers->document($format)->write($sample, $stream);
			rewind($stream);
			$merged = $this->merge($format, (string)stream_get_contents($stream), $template);
			$check = Package::fromBytes($merged);
			$check->xml($format === 'odt' ? 'styles.xml' : 'word/styles.xml');
		} catch (TemplateException $e) {
			throw $e;
		} catch (\Throwable $e) {
			$this->logger->info('A report template was refused: ' . $e->getMessage(), ['app' => Application::APP_ID, 'exception' => $e]);
			throw new TemplateException('The file cannot serve as a template: %1$s', [$e->getMessage()]);
		} finally {
			fclose($stream);
		}
	}

	/** @return PilotFeedbackReportTemplate|null */
	private function info(string $format): ?array {
		$info = $this->appConfig->read()->getValueArray(Application::APP_ID, self::KEY . $format);
		if (!isset($info['name'], $info['size'], $info['chosenBy'], $info['chosenAt'])) {
			return null;
		}
		return ['format' => $format, 'name' => (string)$info['name'], 'size' => (int)$info['size'], 'chosenBy' => (string)$info['chosenBy'], 'chosenAt' => (int)$info['chosenAt']];
	}

	private function folder(): ISimpleFolder {
		try {
			return $this->appData->getFolder(self::FOLDER);
		} catch (FileNotFoundException) {
			return $this->appData->newFolder(self::FOLDER);
		}
	}

	/** @return 'odt'|'docx' */
	private static function format(mixed $format): string {
		if (!is_string($format) || !in_array($format, self::FORMATS, true)) {
			throw new ValidationException('A report template is an odt or docx file; "%1$s" is neither.', [is_scalar($format) ? (string)$format : gettype($format)]);
		}
		return $format;
	}
}

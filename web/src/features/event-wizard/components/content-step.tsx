import { useEffect, useRef, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';
import { errorMessage } from '@/lib/api-client';
import { imageStyleLabels } from '@/lib/labels';
import type { EventDetail } from '@/types/api';
import { imageUrl, useCreateImages } from '../api/create-images';
import { useSelectImage } from '../api/select-image';

export const MAX_REGENERATIONS = 3;

// UFR-CONT-010: three styles to pick from, regenerated at most three times.
export function ContentStep({ event, onDone, onBack }: { event: EventDetail; onDone: () => void; onBack: () => void }) {
  const generate = useCreateImages(event.id);
  const selectImage = useSelectImage(event.id);
  const [chosen, setChosen] = useState<string | undefined>(event.imageId ?? undefined);
  const [regenerations, setRegenerations] = useState(0);
  const asked = useRef(false);

  // There is no list of a draft's images to read back: a draft without an image generates them,
  // a draft with one shows it and offers to generate again.
  useEffect(() => {
    if (!event.imageId && !asked.current) {
      asked.current = true;
      generate.mutate(undefined, { onSuccess: ({ images }) => setChosen(images.find((i) => i.selected)?.imageId) });
    }
  }, [event.imageId, generate]);

  function regenerate() {
    setRegenerations((n) => n + 1);
    setChosen(undefined);
    generate.mutate();
  }

  const images = generate.data?.images ?? [];
  return (
    <div className="stack-lg">
      <div>
        <h1 className="page-title">이벤트 이미지</h1>
        <p className="muted">{event.selectedPlan?.title} · 마음에 드는 스타일을 골라주세요.</p>
      </div>
      {generate.isPending ? (
        <div className="analyzing" role="status">
          <Spinner size="large" />
          <p className="analyzing-title">이미지를 만들고 있어요…</p>
          <p className="muted small">심플 · 화려한 · 트렌디 3가지 스타일로 준비해요.</p>
        </div>
      ) : generate.isError ? (
        <Alert>{errorMessage(generate.error)}</Alert>
      ) : images.length > 0 ? (
        <>
          {chosen && <img className="hero-image" src={imageUrl(chosen)} alt="선택한 스타일 크게 보기" />}
          <div className="image-grid" role="radiogroup" aria-label="이미지 스타일">
            {images.map((image) => (
              <button
                key={image.imageId}
                type="button"
                role="radio"
                aria-checked={chosen === image.imageId}
                className={`image-option${chosen === image.imageId ? ' selected' : ''}`}
                onClick={() => setChosen(image.imageId)}
              >
                <img src={imageUrl(image.imageId)} alt={`${imageStyleLabels[image.style]} 스타일 미리보기`} />
                <span>{imageStyleLabels[image.style]}</span>
              </button>
            ))}
          </div>
        </>
      ) : event.imageId ? (
        <div className="image-grid single">
          <div className="image-option selected">
            <img src={imageUrl(event.imageId)} alt="선택한 이미지" />
            <span>선택한 이미지</span>
          </div>
        </div>
      ) : null}
      {selectImage.isError && <Alert>{errorMessage(selectImage.error)}</Alert>}
      <div className="actions sticky-actions">
        <Button variant="ghost" onClick={onBack}>
          이전
        </Button>
        <Button
          variant="secondary"
          onClick={regenerate}
          disabled={generate.isPending || regenerations >= MAX_REGENERATIONS}
          title={regenerations >= MAX_REGENERATIONS ? '다시 생성은 최대 3회까지 가능해요' : undefined}
        >
          다시 생성 ({MAX_REGENERATIONS - regenerations})
        </Button>
        <Button
          onClick={() => (chosen === event.imageId && chosen ? onDone() : chosen && selectImage.mutate(chosen, { onSuccess: onDone }))}
          disabled={!chosen || generate.isPending}
          loading={selectImage.isPending}
        >
          다음
        </Button>
      </div>
    </div>
  );
}

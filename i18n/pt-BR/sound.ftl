# A página de Som (PipeWire, com o WirePlumber como gerenciador de sessão).

sound-title = Som
    .keywords = som;áudio;audio;volume;alto-falantes;alto-falante;caixas de som;caixa de som;fones de ouvido;fone;headset;microfone;mudo;silenciar;balanço;saída;entrada;nível;alto;pipewire;speakers;headphones;mute

## As duas seções principais.
sound-output-heading = Saída
sound-input-heading = Entrada
sound-no-outputs = Nenhuma saída encontrada: não há placa de som, headset nem alto-falante conectado.
sound-no-inputs = Nenhuma entrada encontrada: não há microfone conectado.
sound-output-volume = Volume de saída
sound-output-mute = Silenciar a saída
sound-input-volume = Volume de entrada
sound-input-mute = Silenciar o microfone
sound-balance = Balanço
sound-balance-centre = Centralizado
sound-balance-left = { $percent }% à esquerda
sound-balance-right = { $percent }% à direita
sound-output-level = Nível de saída
sound-input-level = Nível de entrada
sound-level-unavailable = Não é possível medir o nível. { $reason }
sound-nothing-playing = Nada está tocando.
sound-test = Testar alto-falantes
sound-testing = Tocando um som em cada alto-falante, um de cada vez, começando pelo esquerdo…
sound-amplify = Permitir volume acima de 100%
    .desc = O volume pode chegar a 150%. Acima de 100%, o som pode ficar distorcido.

## Aplicativos.
sound-apps-heading = Aplicativos
sound-no-streams = Nenhum aplicativo está reproduzindo ou gravando som.
sound-stream-unnamed = Aplicativo sem nome
sound-stream-unlinked = Ainda não conectado a um dispositivo.
sound-stream-playing-on = Reproduzindo em { $devices }
sound-stream-recording-from = Gravando de { $devices }
sound-stream-volume = Volume
sound-stream-mute = Silenciar
sound-stream-output = Reproduzir em
sound-stream-input = Gravar de
sound-stream-follow-default-output = A saída padrão ({ $device })
sound-stream-follow-default-input = A entrada padrão ({ $device })

## Os dispositivos e seus perfis.
sound-devices-heading = Dispositivos
sound-no-devices = Nenhuma placa de som ou headset está conectado.
sound-no-profiles = Este dispositivo não tem perfis para escolher.
sound-profile-of = perfil de { $device }
sound-profile-off = O dispositivo não é usado.
sound-profile-duplex = Reproduz som e grava pela entrada de microfone.
sound-profile-output = Só reproduz som; as entradas não são usadas.
sound-profile-input = Só grava; as saídas não são usadas.
sound-profile-a2dp = Melhor qualidade de som para ouvir; o microfone do headset fica desligado.
sound-profile-headset = Liga o microfone do headset para chamadas; a qualidade do som é menor.
sound-profile-pro-audio = Cada canal separadamente, sem mixagem, para softwares de estúdio.
sound-profile-unavailable = Nada está conectado a ele no momento.

## Quando o som não pode ser mostrado.
sound-not-running = O serviço de som não está em execução
    .body = O PipeWire, que reproduz e grava o som, não está em execução. Esta página volta sozinha quando ele iniciar.
sound-no-answer = O serviço de som não responde
    .body = O PipeWire está em execução, mas não respondeu a tempo. Esta página tenta novamente sozinha.
sound-unreadable = Não é possível mostrar o som
    .body = Não foi possível ler o serviço de som: { $detail }
sound-no-session-manager = Os dispositivos de som não estão sendo gerenciados
    .body = O WirePlumber, que escolhe os dispositivos padrão e conecta os aplicativos a eles, não está em execução. É possível alterar o volume, mas os dispositivos só poderão ser escolhidos quando ele iniciar.

## Um comando que falhou: o quê e, depois, por quê.
sound-failed-default = Não foi possível definir “{ $name }” como padrão.
sound-failed-volume = Não foi possível alterar o volume de “{ $name }”.
sound-failed-mute = Não foi possível silenciar ou reativar o som de “{ $name }”.
sound-failed-move = Não foi possível mover “{ $name }” para outro dispositivo.
sound-failed-profile = Não foi possível alterar o perfil de “{ $name }”.
sound-failed-test = Não foi possível tocar o teste de alto-falantes em “{ $name }”.
sound-error-not-running = O serviço de som não está em execução.
sound-error-no-session-manager = O WirePlumber, gerenciador de sessão de som, não está em execução.
sound-error-no-answer = O serviço de som não respondeu a tempo.
sound-error-gone = Ele não está mais presente (foi desconectado ou fechado).
sound-error-no-profile = O dispositivo não oferece mais esse perfil.
sound-error-unsuitable = Ele não pode ser usado para isso.
sound-error-no-volume = Ele não tem controle de volume.
sound-error-invalid-volume = Esse volume não é permitido; ative “Permitir volume acima de 100%” para passar de 100%.
sound-error-not-permitted = O serviço de som não permitiu isso.
sound-error-refused = O serviço de som recusou a alteração.
sound-error-stream-failed = O fluxo de som parou (o dispositivo pode ter sido removido).
sound-error-local = O aplicativo Configurações não conseguiu se comunicar com o serviço de som.

## Added with ports and paused streams.
sound-port = Conector
sound-port-unplugged = Nada está conectado.
sound-stream-paused = Pausado
sound-failed-port = Não foi possível mudar “{ $name }” para esse conector.
sound-preferences-invalid = Não foi possível ler as configurações de som salvas; o volume para em 100% até você escolher de novo.
sound-preferences-not-saved = Não foi possível salvar sua escolha sobre volumes acima de 100%; ela vale até o aplicativo de configurações ser fechado.
